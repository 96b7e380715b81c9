package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * Counts every order placement as {@code orders.placed{outcome}} (Prometheus {@code orders_placed_total}),
 * outcome one of {@code created}, {@code replayed} (an idempotency key returned the earlier order),
 * {@code car_not_available}, {@code not_found}, {@code idempotency_conflict}, {@code invalid},
 * {@code error}, {@code cancelled}.
 */
public final class MeteredPlaceOrderUseCase implements PlaceOrderUseCase {

    private final PlaceOrderUseCase delegate;
    private final CounterFamily placed;

    public MeteredPlaceOrderUseCase(PlaceOrderUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.placed = UseCaseOutcomes.counters(registry, "orders.placed", "Order placements by outcome", Tags.empty(),
                "outcome", "created", "replayed", "car_not_available", "not_found", "idempotency_conflict", "invalid");
    }

    @Override
    public Mono<PlacedOrder> placeOrder(PlaceOrderCommand command) {
        return UseCaseOutcomes.count(placed, () -> delegate.placeOrder(command),
                result -> result.replayed() ? "replayed" : "created");
    }
}
