package dev.carmarket.ports.contract;

import static dev.carmarket.ports.testing.Concurrently.failedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestIds;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.testing.TestPayments;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every {@link PaymentRepository} guarantees. Subclass it with a fresh, empty store per test;
 * payments refer to orders and orders to cars, which the tests store first.
 */
@Timeout(30)
public abstract class PaymentRepositoryContract extends ContractWithCars {

    protected abstract PaymentRepository payments();

    /** Orders of the same store, to create the orders that payments refer to. */
    protected abstract OrderRepository orders();

    private Order givenOrder() {
        Order order = TestOrders.pendingFor(givenCar()).build();
        StepVerifier.create(orders().insert(order)).verifyComplete();
        return order;
    }

    private void given(Payment... payments) {
        for (Payment payment : payments) {
            StepVerifier.create(payments().insert(payment)).verifyComplete();
        }
    }

    private void expectAlreadyStarted(Mono<?> call) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.PAYMENT_ALREADY_STARTED)))
                .verify();
    }

    @Test
    void anInsertedPaymentIsFoundByIdAndByProviderReference() {
        Payment payment = TestPayments.pendingFor(givenOrder()).method(PaymentMethod.BANK_TRANSFER)
                .createdAt(Instant.parse("2026-11-26T12:05:00.654321Z")).build();

        given(payment);

        StepVerifier.create(payments().findById(payment.id())).expectNext(payment).verifyComplete();
        StepVerifier.create(payments().findByProviderReference(payment.providerReference())).expectNext(payment).verifyComplete();
    }

    @Test
    void unknownPaymentsAreEmpty() {
        given(TestPayments.pendingFor(givenOrder()).build());

        StepVerifier.create(payments().findById(new PaymentId(TestIds.random()))).verifyComplete();
        StepVerifier.create(payments().findByProviderReference("psp_unknown")).verifyComplete();
    }

    @Test
    void anOrderWithoutPaymentsHasNoActivePayment() {
        StepVerifier.create(payments().hasActivePayment(givenOrder().id())).expectNext(false).verifyComplete();
        StepVerifier.create(payments().hasActivePayment(new OrderId(TestIds.random()))).expectNext(false).verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void pendingAndCapturedPaymentsAreActiveFailedOnesAreNot(PaymentStatus status) {
        Order order = givenOrder();
        given(TestPayments.pendingFor(order).status(status).build());

        StepVerifier.create(payments().hasActivePayment(order.id()))
                .expectNext(status != PaymentStatus.FAILED).verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "CAPTURED"})
    void anOrderHasAtMostOneActivePayment(PaymentStatus active) {
        Order order = givenOrder();
        Payment first = TestPayments.pendingFor(order).status(active).build();
        given(first);

        expectAlreadyStarted(payments().insert(TestPayments.pendingFor(order).build()));
        StepVerifier.create(payments().findById(first.id())).expectNext(first).verifyComplete();
    }

    @Test
    void afterAFailedPaymentANewOneMayStart() {
        Order order = givenOrder();
        Payment failed = TestPayments.pendingFor(order).build();
        given(failed);
        StepVerifier.create(payments().changeStatus(failed.id(), PaymentStatus.PENDING, PaymentStatus.FAILED))
                .expectNext(true).verifyComplete();

        Payment retry = TestPayments.pendingFor(order).build();
        given(retry);

        StepVerifier.create(payments().findById(retry.id())).expectNext(retry).verifyComplete();
        StepVerifier.create(payments().hasActivePayment(order.id())).expectNext(true).verifyComplete();
    }

    @Test
    void aFailedPaymentCannotBecomeActiveBesideAnotherActiveOne() {
        Order order = givenOrder();
        Payment failed = TestPayments.pendingFor(order).status(PaymentStatus.FAILED).build();
        Payment active = TestPayments.pendingFor(order).build();
        given(failed, active);

        expectAlreadyStarted(payments().changeStatus(failed.id(), PaymentStatus.FAILED, PaymentStatus.PENDING));
        StepVerifier.create(payments().findById(failed.id())).expectNext(failed).verifyComplete();
    }

    @Test
    void providerReferencesAreUnique() {
        Payment first = TestPayments.pendingFor(givenOrder()).providerReference("psp_same").build();
        given(first);

        StepVerifier.create(payments().insert(TestPayments.pendingFor(givenOrder()).providerReference("psp_same").build()))
                .expectError().verify();
        StepVerifier.create(payments().findByProviderReference("psp_same")).expectNext(first).verifyComplete();
    }

    @Test
    void ofConcurrentPaymentsForOneOrderExactlyOneIsStored() {
        Order order = givenOrder();
        List<Payment> contenders = IntStream.range(0, 16).mapToObj(i -> TestPayments.pendingFor(order).build()).toList();

        StepVerifier.create(Concurrently.run(16, i -> payments().insert(contenders.get(i))))
                .assertNext(outcomes -> {
                    assertThat(outcomes).filteredOn(Concurrently.Empty.INSTANCE::equals).hasSize(1);
                    assertThat(outcomes).filteredOn(failedWith(DomainError.PAYMENT_ALREADY_STARTED)).hasSize(15);
                })
                .verifyComplete();
    }

    @Test
    void changeStatusIsACompareAndSet() {
        Payment payment = TestPayments.pendingFor(givenOrder()).build();
        given(payment);

        StepVerifier.create(payments().changeStatus(payment.id(), PaymentStatus.PENDING, PaymentStatus.CAPTURED))
                .expectNext(true).verifyComplete();
        StepVerifier.create(payments().changeStatus(payment.id(), PaymentStatus.PENDING, PaymentStatus.FAILED))
                .expectNext(false).verifyComplete();
        StepVerifier.create(payments().changeStatus(new PaymentId(TestIds.random()), PaymentStatus.PENDING, PaymentStatus.FAILED))
                .expectNext(false).verifyComplete();
        StepVerifier.create(payments().findById(payment.id()))
                .expectNext(payment.withStatus(PaymentStatus.CAPTURED)).verifyComplete();
    }

    @Test
    void ofConcurrentStatusChangesExactlyOneWins() {
        Payment payment = TestPayments.pendingFor(givenOrder()).build();
        given(payment);

        StepVerifier.create(Concurrently.run(32, i -> payments().changeStatus(payment.id(), PaymentStatus.PENDING,
                        i % 2 == 0 ? PaymentStatus.CAPTURED : PaymentStatus.FAILED)))
                .assertNext(outcomes -> assertThat(outcomes).hasSize(32).containsOnly(true, false)
                        .filteredOn(Boolean.TRUE::equals).hasSize(1))
                .verifyComplete();
    }
}
