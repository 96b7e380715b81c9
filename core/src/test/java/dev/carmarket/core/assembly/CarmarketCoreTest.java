package dev.carmarket.core.assembly;

import static dev.carmarket.core.support.TestCommands.payByCard;
import static dev.carmarket.core.support.TestCommands.pickUp;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.sandbox.SandboxPaymentProvider;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.ports.testing.SeededIdGenerator;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CarmarketCoreTest {

    @Test
    void namesAMissingCollaborator() {
        StorePorts stores = InMemoryAdapters.empty().ports();
        ManualTimeSource clock = new ManualTimeSource(TestMarket.START);
        SeededIdGenerator ids = new SeededIdGenerator(1);

        assertThatNullPointerException()
                .isThrownBy(() -> new CarmarketCore(stores, null, clock, ids, CoreSettings.defaults()))
                .withMessage("paymentProvider");
        assertThatNullPointerException()
                .isThrownBy(() -> new CarmarketCore(stores, new SandboxPaymentProvider(ids), clock, ids, null))
                .withMessage("settings");
    }

    @Test
    void wiresTheUseCasesOverTheSameStores() {
        TestMarket market = TestMarket.create();
        CarmarketCore core = market.core();
        CarDetails car = market.listCar();

        OrderView order = core.placeOrder().placeOrder(
                pickUp(car.id())).block().order();
        Payment payment = core.startPayment().startPayment(
                payByCard(order.id())).block().payment();

        StepVerifier.create(core.handlePaymentEvent().handle(market.succeeded(payment)))
                .expectNext(PaymentEventOutcome.APPLIED)
                .verifyComplete();
        StepVerifier.create(core.getOrder().getOrder(order.id()).map(OrderView::status))
                .expectNext(OrderStatus.PAID)
                .verifyComplete();
        StepVerifier.create(core.getCarDetails().getCarDetails(car.id()).map(details -> details.summary().status()))
                .expectNext(CarStatus.SOLD)
                .verifyComplete();
        StepVerifier.create(core.getPayment().getPayment(payment.id()).map(Payment::status))
                .expectNext(PaymentStatus.CAPTURED)
                .verifyComplete();
        StepVerifier.create(core.expireOrders().expireDueOrders()).expectNext(0).verifyComplete();
        StepVerifier.create(core.searchCars().search(SearchCriteria.defaults()).map(CarPage::total))
                .expectNext(0L)
                .verifyComplete();
    }
}
