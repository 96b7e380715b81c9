package dev.carmarket.ports.contract;

import static dev.carmarket.ports.testing.Concurrently.failedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.system.TransactionRunner;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestIds;
import dev.carmarket.ports.testing.TestOrders;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every {@link OrderRepository} guarantees. Subclass it with a fresh, empty store per test;
 * orders refer to cars, which the tests store first through {@link #givenCars}.
 */
@Timeout(30)
public abstract class OrderRepositoryContract extends ContractWithCars {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    protected abstract OrderRepository orders();

    /** The transactions of the store under test, which {@link OrderRepository#lockAndCountActive} holds its lock in. */
    protected abstract TransactionRunner transactions();

    private void given(Order... orders) {
        for (Order order : orders) {
            StepVerifier.create(orders().insert(order)).verifyComplete();
        }
    }

    @Test
    void anInsertedOrderIsFoundWithEveryField() {
        CarDetails car = givenCar();
        Order delivery = TestOrders.pendingFor(car).deliveredTo(TestOrders.ADDRESS).notes("Please call before 6 pm")
                .createdAt(Instant.parse("2026-11-26T12:00:00.123456Z")).build();

        given(delivery);

        StepVerifier.create(orders().findById(delivery.id())).expectNext(delivery).verifyComplete();
    }

    @Test
    void findByIdOfAnUnknownOrderIsEmpty() {
        StepVerifier.create(orders().findById(new OrderId(TestIds.random()))).verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING_PAYMENT", "PAID"})
    void aCarHoldsOnlyOneLiveOrder(OrderStatus live) {
        CarDetails car = givenCar();
        Order first = TestOrders.pendingFor(car).status(live).build();
        given(first);

        StepVerifier.create(orders().insert(TestOrders.pendingFor(car).build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.CAR_NOT_AVAILABLE)))
                .verify();
        StepVerifier.create(orders().findById(first.id())).expectNext(first).verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"EXPIRED", "CANCELLED"})
    void finishedOrdersDoNotHoldTheCar(OrderStatus finished) {
        CarDetails car = givenCar();
        given(TestOrders.pendingFor(car).status(finished).build(), TestOrders.pendingFor(car).status(finished).build());

        Order next = TestOrders.pendingFor(car).build();
        given(next);

        StepVerifier.create(orders().findById(next.id())).expectNext(next).verifyComplete();
    }

    @Test
    void anOrderThatExpiredFreesTheCarForTheNextOne() {
        CarDetails car = givenCar();
        Order first = TestOrders.pendingFor(car).build();
        given(first);

        StepVerifier.create(orders().changeStatus(first.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED))
                .expectNext(true).verifyComplete();
        Order second = TestOrders.pendingFor(car).build();
        given(second);

        StepVerifier.create(orders().findById(second.id())).expectNext(second).verifyComplete();
    }

    @Test
    void ofConcurrentOrdersForOneCarExactlyOneIsStored() {
        CarDetails car = givenCar();
        List<Order> contenders = IntStream.range(0, 16).mapToObj(i -> TestOrders.pendingFor(car).build()).toList();

        StepVerifier.create(Concurrently.run(16, i -> orders().insert(contenders.get(i))))
                .assertNext(outcomes -> {
                    assertThat(outcomes).filteredOn(Concurrently.Empty.INSTANCE::equals).hasSize(1);
                    assertThat(outcomes).filteredOn(failedWith(DomainError.CAR_NOT_AVAILABLE)).hasSize(15);
                })
                .verifyComplete();
        StepVerifier.create(Flux.fromIterable(contenders).concatMap(order -> orders().findById(order.id())).count())
                .expectNext(1L).verifyComplete();
    }

    @Test
    void changeStatusIsACompareAndSet() {
        CarDetails car = givenCar();
        Order order = TestOrders.pendingFor(car).build();
        given(order);

        StepVerifier.create(orders().changeStatus(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID))
                .expectNext(true).verifyComplete();
        StepVerifier.create(orders().changeStatus(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED))
                .expectNext(false).verifyComplete();
        StepVerifier.create(orders().findById(order.id())).expectNext(order.withStatus(OrderStatus.PAID)).verifyComplete();
    }

    @Test
    void changeStatusOfAnUnknownOrderIsFalse() {
        StepVerifier.create(orders().changeStatus(new OrderId(TestIds.random()), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID))
                .expectNext(false).verifyComplete();
    }

    @Test
    void ofConcurrentStatusChangesExactlyOneWins() {
        CarDetails car = givenCar();
        Order order = TestOrders.pendingFor(car).build();
        given(order);

        StepVerifier.create(Concurrently.run(32, i -> orders().changeStatus(order.id(), OrderStatus.PENDING_PAYMENT,
                        i % 2 == 0 ? OrderStatus.EXPIRED : OrderStatus.PAID)))
                .assertNext(outcomes -> assertThat(outcomes).hasSize(32).containsOnly(true, false)
                        .filteredOn(Boolean.TRUE::equals).hasSize(1))
                .verifyComplete();
    }

    @Test
    void expiredPendingOrdersComeOldestExpiryFirstUpToTheLimit() {
        Order dueLongAgo = pendingExpiringAt(NOW.minusSeconds(3_600));
        Order dueExactlyNow = pendingExpiringAt(NOW);
        Order dueAMinuteAgo = pendingExpiringAt(NOW.minusSeconds(60));
        Order notYetDue = pendingExpiringAt(NOW.plusSeconds(1));
        Order paid = TestOrders.pendingFor(givenCar()).status(OrderStatus.PAID).expiresAt(NOW.minusSeconds(7_200)).build();
        Order expired = TestOrders.pendingFor(givenCar()).status(OrderStatus.EXPIRED).expiresAt(NOW.minusSeconds(7_200)).build();
        given(dueExactlyNow, notYetDue, dueLongAgo, paid, dueAMinuteAgo, expired);

        StepVerifier.create(orders().findExpiredPending(NOW, 10))
                .expectNext(dueLongAgo, dueAMinuteAgo, dueExactlyNow).verifyComplete();
        StepVerifier.create(orders().findExpiredPending(NOW, 2)).expectNext(dueLongAgo, dueAMinuteAgo).verifyComplete();
        StepVerifier.create(orders().findExpiredPending(NOW.minusSeconds(86_400), 10)).verifyComplete();
    }

    private Order pendingExpiringAt(Instant expiresAt) {
        return TestOrders.pendingFor(givenCar()).createdAt(expiresAt.minusSeconds(1_800)).expiresAt(expiresAt).build();
    }

    @Test
    void activeReservationsCountUnexpiredPendingOrdersByNormalisedEmailAndByClientNetwork() {
        Customer janeShouting = new Customer("Jane Doe", "JANE@Example.com", "+4915112345678");
        Customer john = new Customer("John Roe", "john@example.com", "+4915112345679");
        ClientNetwork elsewhere = new ClientNetwork("198.51.100.7");
        Order janeFirst = TestOrders.pendingFor(givenCar()).expiresAt(NOW.plusSeconds(60)).build();
        Order janeLoudly = TestOrders.pendingFor(givenCar()).customer(janeShouting).client(elsewhere)
                .expiresAt(NOW.plusSeconds(30)).build();
        Order johnHere = TestOrders.pendingFor(givenCar()).customer(john).expiresAt(NOW.plusSeconds(90)).build();
        Order janePaid = TestOrders.pendingFor(givenCar()).status(OrderStatus.PAID).expiresAt(NOW).build();
        Order janeExpired = TestOrders.pendingFor(givenCar()).status(OrderStatus.EXPIRED).expiresAt(NOW).build();
        // Past its expiry, not yet marked by the expiry run: no longer payable, so it holds no slot.
        Order janeDue = TestOrders.pendingFor(givenCar()).expiresAt(NOW.minusSeconds(1)).build();
        given(janeFirst, janeLoudly, johnHere, janePaid, janeExpired, janeDue);

        StepVerifier.create(transactions().inTransaction(() -> orders().lockAndCountActive(
                        ReservationHolder.of(TestOrders.JANE, TestOrders.CLIENT), NOW)))
                .expectNext(new ActiveReservations(
                        new ActiveReservations.Held(List.of(NOW.plusSeconds(30), NOW.plusSeconds(60))),
                        new ActiveReservations.Held(List.of(NOW.plusSeconds(60), NOW.plusSeconds(90)))))
                .verifyComplete();
        StepVerifier.create(transactions().inTransaction(() -> orders().lockAndCountActive(
                        ReservationHolder.of(new Customer("Nobody", "nobody@example.com", "+4915112345670"),
                                new ClientNetwork("203.0.113.1")), NOW)))
                .expectNext(new ActiveReservations(ActiveReservations.Held.NONE, ActiveReservations.Held.NONE))
                .verifyComplete();
    }

    @Test
    void anOrderThatLeavesPendingPaymentFreesItsSlot() {
        Order order = TestOrders.pendingFor(givenCar()).build();
        given(order);
        StepVerifier.create(orders().changeStatus(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED))
                .expectNext(true).verifyComplete();

        StepVerifier.create(transactions().inTransaction(() -> orders().lockAndCountActive(order.holder(), NOW)))
                .expectNext(new ActiveReservations(ActiveReservations.Held.NONE, ActiveReservations.Held.NONE))
                .verifyComplete();
    }

    /**
     * Each contender counts, then inserts only while under the limit, as the reservation quota does: without
     * the lock several would count the same number and all insert.
     */
    @Test
    void theLockMakesCountThenInsertExactUnderConcurrency() {
        int limit = 3;
        int contenders = 12;
        List<Order> orders = IntStream.range(0, contenders).mapToObj(i -> TestOrders.pendingFor(givenCar())
                .customer(new Customer("Jane Doe", "jane+" + i + "@example.com", "+4915112345678")).build()).toList();

        StepVerifier.create(Concurrently.run(contenders, i -> transactions().inTransaction(() -> orders()
                        .lockAndCountActive(orders.get(i).holder(), NOW)
                        .flatMap(active -> active.byClient().count() < limit
                                ? orders().insert(orders.get(i)).thenReturn(true)
                                : Mono.just(false)))))
                .assertNext(outcomes -> assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(limit))
                .verifyComplete();
        StepVerifier.create(transactions().inTransaction(() -> orders().lockAndCountActive(orders.get(0).holder(), NOW)))
                .assertNext(active -> assertThat(active.byClient().count()).isEqualTo(limit))
                .verifyComplete();
    }
}
