package dev.carmarket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestIdempotencyRecords;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.testing.TestPayments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every {@link TransactionRunner} guarantees for the writes of the stores it spans. Subclass it
 * with a fresh, empty store per test; every port must share that store and that runner.
 */
@Timeout(30)
public abstract class TransactionRunnerContract extends ContractWithCars {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    protected abstract TransactionRunner transactions();

    protected abstract CarCatalog catalog();

    protected abstract OrderRepository orders();

    protected abstract PaymentRepository payments();

    protected abstract ProcessedEventStore processedEvents();

    protected abstract IdempotencyStore idempotency();

    /** What placing and paying an order for a stored car writes, through every transactional port. */
    private record Purchase(CarDetails car, Order order, Payment payment, IdempotencyRecord claim) {
    }

    private Purchase givenPurchase() {
        CarDetails car = givenCar();
        Order order = TestOrders.pendingFor(car).build();
        return new Purchase(car, order, TestPayments.pendingFor(order).build(),
                TestIdempotencyRecords.record("place-order", "k-1", "f-1"));
    }

    private Mono<Void> write(Purchase purchase) {
        return idempotency().claimOrGetExisting(purchase.claim())
                .then(catalog().changeStatus(purchase.car().id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .then(orders().insert(purchase.order()))
                .then(payments().insert(purchase.payment()))
                .then(processedEvents().markProcessed("evt_1", NOW))
                .then(catalog().changeStatus(purchase.car().id(), CarStatus.RESERVED, CarStatus.SOLD))
                .then();
    }

    private void expectStatus(CarDetails car, CarStatus expected) {
        StepVerifier.create(catalog().findById(car.id()).map(found -> found.summary().status()))
                .expectNext(expected).verifyComplete();
    }

    @Test
    void aSuccessfulTransactionCommitsEveryWriteAndReturnsItsValue() {
        Purchase purchase = givenPurchase();

        StepVerifier.create(transactions().inTransaction(() -> write(purchase).thenReturn("done")))
                .expectNext("done").verifyComplete();

        expectStatus(purchase.car(), CarStatus.SOLD);
        StepVerifier.create(orders().findById(purchase.order().id())).expectNext(purchase.order()).verifyComplete();
        StepVerifier.create(payments().findById(purchase.payment().id())).expectNext(purchase.payment()).verifyComplete();
        StepVerifier.create(processedEvents().markProcessed("evt_1", NOW)).expectNext(false).verifyComplete();
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-2")))
                .expectNext(purchase.claim()).verifyComplete();
    }

    @Test
    void aTransactionThatSignalsAnErrorUndoesEveryWrite() {
        Purchase purchase = givenPurchase();

        StepVerifier.create(transactions().inTransaction(() -> write(purchase)
                        .then(Mono.error(new IllegalStateException("provider down")))))
                .expectErrorMessage("provider down").verify();

        expectStatus(purchase.car(), CarStatus.AVAILABLE);
        StepVerifier.create(orders().findById(purchase.order().id())).verifyComplete();
        StepVerifier.create(payments().findById(purchase.payment().id())).verifyComplete();
        StepVerifier.create(payments().hasActivePayment(purchase.order().id())).expectNext(false).verifyComplete();
        StepVerifier.create(processedEvents().markProcessed("evt_1", NOW)).expectNext(true).verifyComplete();
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-2")))
                .verifyComplete();
        // the unique rules see the rollback too: the car can take a new order
        StepVerifier.create(orders().insert(TestOrders.pendingFor(purchase.car()).build())).verifyComplete();
    }

    @Test
    void anErrorThrownWhileBuildingTheWorkAlsoRollsBack() {
        CarDetails car = givenCar();

        StepVerifier.create(transactions().inTransaction(() -> catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .map(changed -> {
                            throw new IllegalStateException("mapping failed");
                        })))
                .expectErrorMessage("mapping failed").verify();

        expectStatus(car, CarStatus.AVAILABLE);
    }

    @Test
    void aFailingPortCallRollsBackTheWritesBeforeIt() {
        CarDetails car = givenCar();
        StepVerifier.create(orders().insert(TestOrders.pendingFor(car).build())).verifyComplete();
        CarDetails otherCar = givenCar();

        StepVerifier.create(transactions().inTransaction(() -> catalog().changeStatus(otherCar.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .then(orders().insert(TestOrders.pendingFor(car).build()))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.CAR_NOT_AVAILABLE)))
                .verify();

        expectStatus(otherCar, CarStatus.AVAILABLE);
    }

    @Test
    void aTransactionWithoutAValueCommits() {
        CarDetails car = givenCar();

        StepVerifier.create(transactions().inTransaction(() -> catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED).then()))
                .verifyComplete();

        expectStatus(car, CarStatus.RESERVED);
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        CarDetails car = givenCar();
        Order order = TestOrders.pendingFor(car).build();

        StepVerifier.create(transactions().inTransaction(() -> transactions()
                        .inTransaction(() -> catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                        .then(transactions().inTransaction(() -> orders().insert(order)))
                        .then(Mono.error(new IllegalStateException("outer failed")))))
                .expectErrorMessage("outer failed").verify();

        expectStatus(car, CarStatus.AVAILABLE);
        StepVerifier.create(orders().findById(order.id())).verifyComplete();
    }

    @Test
    void aCancelledTransactionRollsBack() {
        CarDetails car = givenCar();

        StepVerifier.create(transactions().inTransaction(() -> catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .then(Mono.never()))
                        .timeout(Duration.ofMillis(200)))
                .expectError(TimeoutException.class).verify();

        // a store may finish the rollback asynchronously after the cancel
        StepVerifier.create(Mono.defer(() -> catalog().findById(car.id()))
                        .map(found -> found.summary().status())
                        .filter(status -> status == CarStatus.AVAILABLE)
                        .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)).take(100)))
                .expectNext(CarStatus.AVAILABLE).verifyComplete();
    }

    @Test
    void ofConcurrentTransactionsReservingOneCarExactlyOneCommitsItsOrder() {
        CarDetails car = givenCar();
        List<Order> contenders = IntStream.range(0, 32).mapToObj(i -> TestOrders.pendingFor(car).build()).toList();

        StepVerifier.create(Concurrently.run(32, i -> transactions().inTransaction(() ->
                        catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                                .filter(Boolean::booleanValue)
                                .switchIfEmpty(Mono.error(new DomainException(DomainError.CAR_NOT_AVAILABLE)))
                                .then(orders().insert(contenders.get(i)))
                                .thenReturn(contenders.get(i)))))
                .assertNext(outcomes -> {
                    assertThat(outcomes).filteredOn(Order.class::isInstance).hasSize(1);
                    assertThat(outcomes).filteredOn(Concurrently.failedWith(DomainError.CAR_NOT_AVAILABLE)).hasSize(31);
                })
                .verifyComplete();
        StepVerifier.create(Flux.fromIterable(contenders).concatMap(order -> orders().findById(order.id())).count())
                .expectNext(1L).verifyComplete();
        expectStatus(car, CarStatus.RESERVED);
    }

    @Test
    void concurrentTransactionsKeepExactlyTheWritesOfThoseThatCommitted() {
        List<CarDetails> cars = IntStream.range(0, 64).mapToObj(i -> TestCars.available()).toList();
        given(cars.toArray(CarDetails[]::new));

        StepVerifier.create(Concurrently.run(64, i -> transactions().inTransaction(() ->
                        catalog().changeStatus(cars.get(i).id(), CarStatus.AVAILABLE, CarStatus.SOLD)
                                .then(processedEvents().markProcessed("evt_" + i, NOW))
                                .then(i % 2 == 0 ? Mono.just(i) : Mono.error(new IllegalStateException("odd"))))))
                .assertNext(outcomes -> assertThat(outcomes).filteredOn(Integer.class::isInstance).hasSize(32))
                .verifyComplete();

        for (int i = 0; i < cars.size(); i++) {
            boolean committed = i % 2 == 0;
            expectStatus(cars.get(i), committed ? CarStatus.SOLD : CarStatus.AVAILABLE);
            StepVerifier.create(processedEvents().markProcessed("evt_" + i, NOW)).expectNext(!committed).verifyComplete();
        }
    }
}
