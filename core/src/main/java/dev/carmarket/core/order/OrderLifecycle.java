package dev.carmarket.core.order;

import static dev.carmarket.ports.domain.order.OrderStatus.EXPIRED;
import static dev.carmarket.ports.domain.order.OrderStatus.PAID;
import static dev.carmarket.ports.domain.order.OrderStatus.PENDING_PAYMENT;

import dev.carmarket.core.common.Lifecycle;
import dev.carmarket.core.common.Transition;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.out.order.OrderRepository;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The order state machine and the only way the use cases change an order's status.
 * PENDING_PAYMENT is the only live state. No use case cancels an order, so CANCELLED
 * (kept for operators' manual changes) has no way in here.
 */
public final class OrderLifecycle {

    public static final Lifecycle<OrderStatus> STATES = Lifecycle.of(OrderStatus.class)
            .allow(PENDING_PAYMENT, PAID)
            .allow(PENDING_PAYMENT, EXPIRED)
            .build();

    private static final Transition<OrderStatus> PAY = STATES.transition(PENDING_PAYMENT, PAID);
    private static final Transition<OrderStatus> EXPIRE = STATES.transition(PENDING_PAYMENT, EXPIRED);

    private final OrderRepository orders;

    public OrderLifecycle(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** A payment may start only for a live order before its expiry (the expiry job may not have run yet). */
    public static boolean isPayable(Order order, Instant now) {
        return order.status() == PENDING_PAYMENT && now.isBefore(order.expiresAt());
    }

    /** @return true if this call marked the order PAID; false if it was no longer PENDING_PAYMENT */
    public Mono<Boolean> markPaid(OrderId order) {
        return PAY.apply(order, orders::changeStatus);
    }

    /** @return true if this call expired the order; false if it was no longer PENDING_PAYMENT */
    public Mono<Boolean> expire(OrderId order) {
        return EXPIRE.apply(order, orders::changeStatus);
    }
}
