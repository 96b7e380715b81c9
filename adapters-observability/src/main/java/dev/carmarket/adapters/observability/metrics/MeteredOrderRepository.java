package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.out.order.OrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Times every {@link OrderRepository} query ({@link StoreQueryMetrics}). */
public final class MeteredOrderRepository implements OrderRepository {

    private final OrderRepository delegate;
    private final StoreQueryMetrics metrics;

    public MeteredOrderRepository(OrderRepository delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<Void> insert(Order order) {
        return metrics.time(StoreQuery.ORDER_INSERT, () -> delegate.insert(order));
    }

    @Override
    public Mono<Order> findById(OrderId id) {
        return metrics.time(StoreQuery.ORDER_FIND_BY_ID, () -> delegate.findById(id));
    }

    @Override
    public Mono<Boolean> changeStatus(OrderId id, OrderStatus expected, OrderStatus next) {
        return metrics.time(StoreQuery.ORDER_CHANGE_STATUS, () -> delegate.changeStatus(id, expected, next));
    }

    @Override
    public Mono<ActiveReservations> lockAndCountActive(ReservationHolder holder, Instant now) {
        return metrics.time(StoreQuery.ORDER_COUNT_ACTIVE, () -> delegate.lockAndCountActive(holder, now));
    }

    @Override
    public Flux<Order> findExpiredPending(Instant now, int limit) {
        return metrics.timeFlux(StoreQuery.ORDER_FIND_EXPIRED, () -> delegate.findExpiredPending(now, limit));
    }
}
