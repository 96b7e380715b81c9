package dev.carmarket.ports.out.order;

import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.ReservationHolder;
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

    /**
     * The PENDING_PAYMENT orders of the holder's customer and of its client network that expire after
     * {@code now} (one past its expiry is no longer payable, even before the expiry run marks it), counted
     * inside the caller's transaction after taking a lock on each of the two that lasts until the transaction
     * ends. A concurrent transaction counting for the same customer or network waits for this one, on any
     * instance, so a quota checked against the count and followed by an {@link #insert} in the same
     * transaction is exact.
     */
    Mono<ActiveReservations> lockAndCountActive(ReservationHolder holder, Instant now);

    /** Up to {@code limit} PENDING_PAYMENT orders whose expiry is at or before {@code now}, oldest expiry first. */
    Flux<Order> findExpiredPending(Instant now, int limit);
}
