package dev.carmarket.core.payment;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static dev.carmarket.core.support.TestCommands.payByCard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.sandbox.SandboxPaymentProvider;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.support.StoreOutage;
import dev.carmarket.core.support.TestCommands;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class StartPaymentServiceTest {

    private final TestMarket market = TestMarket.create();

    private Mono<StartedPayment> start(StartPaymentCommand command) {
        return market.core().startPayment().startPayment(command);
    }

    @Test
    void opensACheckoutForTheOrdersAmountAndRecordsAPendingPayment() {
        OrderView order = market.placeOrder(market.list(TestCars.car().price("21000.00").build()));
        market.advance(Duration.ofMinutes(5));

        StartedPayment started = start(payByCard(order.id())).block();

        Payment payment = started.payment();
        assertThat(started.replayed()).isFalse();
        assertThat(payment.orderId()).isEqualTo(order.id());
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.method()).isEqualTo(PaymentMethod.CARD);
        assertThat(payment.amount()).isEqualTo(Money.of("21000.00", "EUR"));
        assertThat(payment.providerReference()).isEqualTo(SandboxPaymentProvider.referenceFor(payment.id()));
        assertThat(payment.checkoutUrl()).endsWith(payment.providerReference());
        assertThat(payment.createdAt()).isEqualTo(TestMarket.START.plus(Duration.ofMinutes(5)));
        assertThat(market.payment(payment.id())).isEqualTo(payment);
    }

    @Test
    void failsForAnUnknownOrder() {
        assertFailsWith(start(payByCard(new OrderId(UUID.randomUUID()))), DomainError.ORDER_NOT_FOUND);
    }

    @Test
    void refusesAnOrderPastItsExpiryEvenBeforeTheExpiryJobRan() {
        OrderView order = market.placeOrder(market.listCar());
        market.setTime(order.expiresAt());

        assertFailsWith(start(payByCard(order.id())), DomainError.ORDER_NOT_PAYABLE);
    }

    @Test
    void refusesAPaidOrder() {
        OrderView order = market.placeOrder(market.listCar());
        market.core().handlePaymentEvent().handle(market.succeeded(market.startPayment(order))).block();

        assertFailsWith(start(payByCard(order.id())), DomainError.ORDER_NOT_PAYABLE);
    }

    @Test
    void refusesASecondPaymentWhileOneIsPending() {
        OrderView order = market.placeOrder(market.listCar());
        market.startPayment(order);

        assertFailsWith(start(payByCard(order.id())), DomainError.PAYMENT_ALREADY_STARTED);
    }

    @Test
    void allowsANewPaymentAfterTheFirstFailed() {
        OrderView order = market.placeOrder(market.listCar());
        Payment declined = market.startPayment(order);
        market.core().handlePaymentEvent().handle(market.failed(declined)).block();

        StepVerifier.create(start(payByCard(order.id())))
                .assertNext(started -> {
                    assertThat(started.payment().id()).isNotEqualTo(declined.id());
                    assertThat(started.payment().status()).isEqualTo(PaymentStatus.PENDING);
                })
                .verifyComplete();
    }

    @Test
    void replaysTheSameRequestUnderTheSameKey() {
        OrderView order = market.placeOrder(market.listCar());
        Payment first = start(payByCard(order.id(), "pay-1")).block().payment();

        StepVerifier.create(start(payByCard(order.id(), "pay-1")))
                .assertNext(replay -> {
                    assertThat(replay.replayed()).isTrue();
                    assertThat(replay.payment()).isEqualTo(first);
                })
                .verifyComplete();
    }

    @Test
    void rejectsTheKeyWithAnotherRequest() {
        OrderView order = market.placeOrder(market.listCar());
        start(payByCard(order.id(), "pay-1")).block();

        assertFailsWith(start(new StartPaymentCommand(order.id(), PaymentMethod.BANK_TRANSFER,
                TestCommands.RETURN_URL, new IdempotencyKey("pay-1"))), DomainError.IDEMPOTENCY_KEY_REUSED);
        assertFailsWith(start(new StartPaymentCommand(order.id(), PaymentMethod.CARD, null,
                new IdempotencyKey("pay-1"))), DomainError.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aStoreFailureSurfacesAndLeavesNoPaymentBehind() {
        OrderView order = market.placeOrder(market.listCar());
        CarmarketCore failingInsert = market.coreWith(new StorePorts.Decorator() {
            @Override
            public PaymentRepository paymentRepository(PaymentRepository port) {
                return StoreOutage.failing(PaymentRepository.class, port, "insert");
            }
        });

        assertFailsWith(failingInsert.startPayment().startPayment(payByCard(order.id(), "pay-1")),
                DomainError.STORE_UNAVAILABLE);

        StepVerifier.create(start(payByCard(order.id(), "pay-1")))
                .assertNext(started -> assertThat(started.replayed()).isFalse())
                .verifyComplete();
    }
}
