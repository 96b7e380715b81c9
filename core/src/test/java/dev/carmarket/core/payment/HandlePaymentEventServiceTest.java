package dev.carmarket.core.payment;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.support.StoreOutage;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.testing.TestCars;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HandlePaymentEventServiceTest {

    private final TestMarket market = TestMarket.create();
    private final CarDetails car = market.list(TestCars.car().price("18990.00").build());
    private final OrderView order = market.placeOrder(car);
    private final Payment payment = market.startPayment(order);

    private Mono<PaymentEventOutcome> handle(PaymentEvent event) {
        return market.core().handlePaymentEvent().handle(event);
    }

    private void assertState(PaymentStatus paymentStatus, OrderStatus orderStatus, CarStatus carStatus) {
        assertThat(market.paymentStatus(payment.id())).isEqualTo(paymentStatus);
        assertThat(market.orderStatus(order.id())).isEqualTo(orderStatus);
        assertThat(market.carStatus(car.id())).isEqualTo(carStatus);
    }

    private PaymentEvent withAmount(PaymentEvent event, Money amount) {
        return new PaymentEvent(event.eventId(), event.type(), event.providerReference(), amount, event.occurredAt());
    }

    @Test
    void aSuccessCapturesThePaymentPaysTheOrderAndSellsTheCar() {
        StepVerifier.create(handle(market.succeeded(payment))).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();

        assertState(PaymentStatus.CAPTURED, OrderStatus.PAID, CarStatus.SOLD);
    }

    @Test
    void theSameEventAgainChangesNothing() {
        PaymentEvent failed = market.failed(payment);
        handle(failed).block();
        market.startPayment(order);

        StepVerifier.create(handle(failed)).expectNext(PaymentEventOutcome.DUPLICATE).verifyComplete();
        assertThat(market.paymentStatus(payment.id())).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void aSuccessWithAnotherAmountChangesNothingAndTheCorrectEventStillApplies() {
        PaymentEvent succeeded = market.succeeded(payment);

        assertFailsWith(handle(withAmount(succeeded, Money.of("18989.99", "EUR"))), DomainError.PAYMENT_EVENT_MISMATCH);
        assertState(PaymentStatus.PENDING, OrderStatus.PENDING_PAYMENT, CarStatus.RESERVED);

        // the rejected event was not recorded, so the provider's corrected delivery under the same id applies
        StepVerifier.create(handle(succeeded)).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
        assertState(PaymentStatus.CAPTURED, OrderStatus.PAID, CarStatus.SOLD);
    }

    @Test
    void anotherCurrencyIsAMismatchToo() {
        assertFailsWith(handle(withAmount(market.succeeded(payment), Money.of("18990.00", "USD"))),
                DomainError.PAYMENT_EVENT_MISMATCH);
        assertFailsWith(handle(withAmount(market.failed(payment), Money.of("18990.00", "USD"))),
                DomainError.PAYMENT_EVENT_MISMATCH);

        assertState(PaymentStatus.PENDING, OrderStatus.PENDING_PAYMENT, CarStatus.RESERVED);
    }

    @Test
    void theSameAmountWrittenWithAnotherScaleMatches() {
        PaymentEvent succeeded = market.succeeded(payment);
        PaymentEvent sameAmount = withAmount(succeeded, new Money(new BigDecimal("18990"), "EUR"));

        StepVerifier.create(handle(sameAmount)).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
    }

    @Test
    void anEventForAnUnknownReferenceFailsAndIsNotRecorded() {
        PaymentEvent succeeded = market.succeeded(payment);
        PaymentEvent unknown = new PaymentEvent(succeeded.eventId(), PaymentEventType.SUCCEEDED, "psp_unknown",
                succeeded.amount(), succeeded.occurredAt());

        assertFailsWith(handle(unknown), DomainError.PAYMENT_NOT_FOUND);
        StepVerifier.create(handle(succeeded)).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
    }

    @Test
    void aFailureFailsThePaymentAndKeepsTheOrderPayable() {
        StepVerifier.create(handle(market.failed(payment))).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
        assertState(PaymentStatus.FAILED, OrderStatus.PENDING_PAYMENT, CarStatus.RESERVED);

        Payment retry = market.startPayment(order);
        StepVerifier.create(handle(market.succeeded(retry))).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
        assertThat(market.paymentStatus(retry.id())).isEqualTo(PaymentStatus.CAPTURED);
        assertState(PaymentStatus.FAILED, OrderStatus.PAID, CarStatus.SOLD);
    }

    @Test
    void theFirstOutcomeOfAPaymentWins() {
        handle(market.succeeded(payment)).block();

        StepVerifier.create(handle(market.failed(payment))).expectNext(PaymentEventOutcome.IGNORED).verifyComplete();
        StepVerifier.create(handle(market.succeeded(payment))).expectNext(PaymentEventOutcome.IGNORED).verifyComplete();
        assertState(PaymentStatus.CAPTURED, OrderStatus.PAID, CarStatus.SOLD);
    }

    @Test
    void aSuccessAfterAFailureIsIgnored() {
        handle(market.failed(payment)).block();

        StepVerifier.create(handle(market.succeeded(payment))).expectNext(PaymentEventOutcome.IGNORED).verifyComplete();
        assertState(PaymentStatus.FAILED, OrderStatus.PENDING_PAYMENT, CarStatus.RESERVED);
    }

    @Test
    void aSuccessAfterTheOrderExpiredIsALateCaptureThatLeavesTheCarFree() {
        market.advance(Duration.ofMinutes(30));
        market.core().expireOrders().expireDueOrders().block();

        StepVerifier.create(handle(market.succeeded(payment)))
                .expectNext(PaymentEventOutcome.LATE_CAPTURE)
                .verifyComplete();
        assertState(PaymentStatus.CAPTURED, OrderStatus.EXPIRED, CarStatus.AVAILABLE);
    }

    @Test
    void aSuccessPastTheExpiryButBeforeTheExpiryJobStillPays() {
        market.advance(Duration.ofMinutes(45));

        StepVerifier.create(handle(market.succeeded(payment))).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
        assertState(PaymentStatus.CAPTURED, OrderStatus.PAID, CarStatus.SOLD);
        StepVerifier.create(market.core().expireOrders().expireDueOrders()).expectNext(0).verifyComplete();
    }

    @Test
    void aStoreFailureSurfacesAndUndoesEverythingSoTheRedeliveryApplies() {
        CarmarketCore carStoreDown = market.coreWith(new StorePorts.Decorator() {
            @Override
            public CarCatalog carCatalog(CarCatalog port) {
                return StoreOutage.failing(CarCatalog.class, port, "changeStatus");
            }
        });
        PaymentEvent succeeded = market.succeeded(payment);

        assertFailsWith(carStoreDown.handlePaymentEvent().handle(succeeded), DomainError.STORE_UNAVAILABLE);
        assertState(PaymentStatus.PENDING, OrderStatus.PENDING_PAYMENT, CarStatus.RESERVED);

        StepVerifier.create(handle(succeeded)).expectNext(PaymentEventOutcome.APPLIED).verifyComplete();
    }
}
