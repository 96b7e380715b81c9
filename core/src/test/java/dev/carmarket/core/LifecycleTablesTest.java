package dev.carmarket.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.car.CarLifecycle;
import dev.carmarket.core.common.Lifecycle;
import dev.carmarket.core.order.OrderLifecycle;
import dev.carmarket.core.payment.PaymentLifecycle;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The three state machines, checked move by move against the business rules. */
class LifecycleTablesTest {

    private record Move<S>(S from, S to) {
    }

    private static final Set<Move<CarStatus>> CAR_MOVES = Set.of(
            new Move<>(CarStatus.AVAILABLE, CarStatus.RESERVED),
            new Move<>(CarStatus.RESERVED, CarStatus.AVAILABLE),
            new Move<>(CarStatus.RESERVED, CarStatus.SOLD));

    private static final Set<Move<OrderStatus>> ORDER_MOVES = Set.of(
            new Move<>(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID),
            new Move<>(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED));

    private static final Set<Move<PaymentStatus>> PAYMENT_MOVES = Set.of(
            new Move<>(PaymentStatus.PENDING, PaymentStatus.CAPTURED),
            new Move<>(PaymentStatus.PENDING, PaymentStatus.FAILED));

    @Property
    void aCarMovesOnlyAsAnOrderReservesFreesOrSellsIt(@ForAll CarStatus from, @ForAll CarStatus to) {
        assertAllowedExactly(CarLifecycle.STATES, CAR_MOVES, from, to);
    }

    @Property
    void anOrderLeavesOnlyPendingPaymentAndOnlyToPaidOrExpired(@ForAll OrderStatus from, @ForAll OrderStatus to) {
        assertAllowedExactly(OrderLifecycle.STATES, ORDER_MOVES, from, to);
    }

    @Property
    void aPaymentLeavesOnlyPendingAndOnlyToAnOutcome(@ForAll PaymentStatus from, @ForAll PaymentStatus to) {
        assertAllowedExactly(PaymentLifecycle.STATES, PAYMENT_MOVES, from, to);
    }

    private static <S extends Enum<S>> void assertAllowedExactly(Lifecycle<S> lifecycle, Set<Move<S>> expected,
            S from, S to) {
        assertThat(lifecycle.allows(from, to)).as("%s -> %s", from, to).isEqualTo(expected.contains(new Move<>(from, to)));
    }
}
