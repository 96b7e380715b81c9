package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Counts every order placement as {@code orders.placed{outcome}} (Prometheus {@code orders_placed_total}),
 * outcome one of {@code created}, {@code replayed} (an idempotency key returned the earlier order),
 * {@code car_not_available}, {@code not_found}, {@code idempotency_conflict}, {@code invalid},
 * {@code quota_exceeded}, {@code error}, {@code cancelled}; and each quota refusal once more as
 * {@code order.quota.rejections{reason}} (Prometheus {@code order_quota_rejections_total}), reason
 * {@code customer} or {@code client}: which quota was full.
 */
public final class MeteredPlaceOrderUseCase implements PlaceOrderUseCase {

    private static final String CUSTOMER = "customer";
    private static final String CLIENT = "client";

    private final PlaceOrderUseCase delegate;
    private final CounterFamily placed;
    private final CounterFamily quotaRejections;

    public MeteredPlaceOrderUseCase(PlaceOrderUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.placed = UseCaseOutcomes.counters(registry, "orders.placed", "Order placements by outcome", Tags.empty(),
                "outcome", "created", "replayed", "car_not_available", "not_found", "idempotency_conflict", "invalid",
                "quota_exceeded");
        this.quotaRejections = new CounterFamily(List.of(CUSTOMER, CLIENT), CUSTOMER,
                reason -> Counter.builder("order.quota.rejections")
                        .description("Orders refused because a reservation quota was full, by quota")
                        .tag("reason", reason)
                        .register(registry));
    }

    @Override
    public Mono<PlacedOrder> placeOrder(PlaceOrderCommand command) {
        return UseCaseOutcomes.count(placed, () -> delegate.placeOrder(command),
                        result -> result.replayed() ? "replayed" : "created")
                .doOnError(DomainException.class, this::countQuotaRejection);
    }

    private void countQuotaRejection(DomainException refusal) {
        switch (refusal.error()) {
            case CUSTOMER_RESERVATION_QUOTA -> quotaRejections.increment(CUSTOMER);
            case CLIENT_RESERVATION_QUOTA -> quotaRejections.increment(CLIENT);
            default -> { }
        }
    }
}
