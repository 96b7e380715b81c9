package dev.carmarket.core;

import static dev.carmarket.core.support.TestCommands.pickUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.support.DomainErrors;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.testing.Concurrently;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/** Many callers at once, each subscribed on its own parallel worker. */
class ConcurrencyTest {

    private final TestMarket market = TestMarket.create();

    @RepeatedTest(5)
    void ofManyOrdersForOneCarExactlyOneSucceeds() {
        CarDetails car = market.listCar();

        List<Object> outcomes = Concurrently.run(64,
                caller -> market.core().placeOrder().placeOrder(pickUp(car.id()))).block();

        assertThat(outcomes).filteredOn(PlacedOrder.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Throwable.class::isInstance)
                .hasSize(63)
                .allSatisfy(error -> DomainErrors.isDomainError(DomainError.CAR_NOT_AVAILABLE).accept((Throwable) error));
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.RESERVED);
    }

    @RepeatedTest(5)
    void manyRequestsUnderOneKeyCreateOneOrderAndAllAnswerWithIt() {
        CarDetails car = market.listCar();

        List<Object> outcomes = Concurrently.run(32,
                caller -> market.core().placeOrder().placeOrder(pickUp(car.id(), "one-key"))).block();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(PlacedOrder.class));
        List<PlacedOrder> placed = outcomes.stream().map(PlacedOrder.class::cast).toList();
        OrderView theOrder = placed.stream().filter(result -> !result.replayed()).findFirst().orElseThrow().order();
        assertThat(placed).filteredOn(PlacedOrder::replayed).hasSize(31);
        assertThat(placed).extracting(PlacedOrder::order).containsOnly(theOrder);
        // one order number was drawn for all 32 requests
        assertThat(market.placeOrder(market.listCar()).number().value()).endsWith("-000002");
    }

    @RepeatedTest(5)
    void aProviderEventDeliveredManyTimesAtOnceChangesStateOnce() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        Payment payment = market.startPayment(order);
        PaymentEvent succeeded = market.succeeded(payment);

        List<Object> outcomes = Concurrently.run(16,
                caller -> market.core().handlePaymentEvent().handle(succeeded)).block();

        assertThat(outcomes).containsOnly(PaymentEventOutcome.APPLIED, PaymentEventOutcome.DUPLICATE);
        assertThat(outcomes).filteredOn(PaymentEventOutcome.APPLIED::equals).hasSize(1);
        assertThat(market.paymentStatus(payment.id())).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.PAID);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.SOLD);
    }

    @RepeatedTest(5)
    void competingOutcomesOfOnePaymentApplyOnce() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        Payment payment = market.startPayment(order);
        List<PaymentEvent> events = IntStream.range(0, 16)
                .mapToObj(i -> i % 2 == 0 ? market.succeeded(payment) : market.failed(payment))
                .toList();

        List<Object> outcomes = Concurrently.run(events.size(),
                caller -> market.core().handlePaymentEvent().handle(events.get(caller))).block();

        assertThat(outcomes).filteredOn(PaymentEventOutcome.APPLIED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(PaymentEventOutcome.IGNORED::equals).hasSize(15);
        boolean captured = market.paymentStatus(payment.id()) == PaymentStatus.CAPTURED;
        assertThat(market.orderStatus(order.id())).isEqualTo(captured ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT);
        assertThat(market.carStatus(car.id())).isEqualTo(captured ? CarStatus.SOLD : CarStatus.RESERVED);
    }
}
