package dev.carmarket.ports.out.order;

import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders. The store guarantees that a car has at most one PENDING_PAYMENT or PAID
 * order: an insert that would break this fails with {@code CAR_NOT_AVAILABLE}.
 */
public interface OrderRepository {

    Mono<Void> insert(Order order);

    /** Empty when unknown. */
    Mono<Order> findById(OrderId id);

    /** Compare-and-set of the status; true if this call made the change. */
    Mono<Boolean> changeStatus(OrderId id, OrderStatus expected, OrderStatus next);

    /** Up to {@code limit} PENDING_PAYMENT orders whose expiry is at or before {@code now}, oldest expiry first. */
    Flux<Order> findExpiredPending(Instant now, int limit);
}
