package dev.carmarket.core.order;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static dev.carmarket.core.support.TestCommands.payByCard;
import static dev.carmarket.core.support.TestCommands.pickUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ExpireOrdersServiceTest {

    private final TestMarket market = TestMarket.create();

    private Mono<Integer> expire() {
        return market.core().expireOrders().expireDueOrders();
    }

    @Test
    void leavesOrdersAloneBeforeTheirExpiry() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        market.advance(Duration.ofMinutes(29).plusSeconds(59));

        StepVerifier.create(expire()).expectNext(0).verifyComplete();
        assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.RESERVED);
    }

    @Test
    void expiresTheOrderAtItsExpiryAndFreesTheCar() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        market.setTime(order.expiresAt());

        StepVerifier.create(expire()).expectNext(1).verifyComplete();

        assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.EXPIRED);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.AVAILABLE);
        assertFailsWith(market.core().startPayment().startPayment(payByCard(order.id())), DomainError.ORDER_NOT_PAYABLE);
        StepVerifier.create(market.core().placeOrder().placeOrder(pickUp(car.id())))
                .assertNext(placed -> assertThat(placed.order().id()).isNotEqualTo(order.id()))
                .verifyComplete();
    }

    @Test
    void expiresOnlyOnce() {
        market.placeOrder(market.listCar());
        market.advance(Duration.ofHours(1));

        StepVerifier.create(expire()).expectNext(1).verifyComplete();
        StepVerifier.create(expire()).expectNext(0).verifyComplete();
    }

    @Test
    void leavesPaidOrdersAndSoldCarsAlone() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        Payment payment = market.startPayment(order);
        market.core().handlePaymentEvent().handle(market.succeeded(payment)).block();
        market.advance(Duration.ofHours(1));

        StepVerifier.create(expire()).expectNext(0).verifyComplete();
        assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.PAID);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.SOLD);
    }

    @Test
    void anOrderPaidAfterTheJobListedItStaysPaid() {
        CarDetails car = market.listCar();
        OrderView order = market.placeOrder(car);
        Payment payment = market.startPayment(order);
        market.advance(Duration.ofMinutes(31));
        Order listedByTheJob = market.stores().orderRepository().findById(order.id()).block();
        market.core().handlePaymentEvent().handle(market.succeeded(payment)).block();

        StepVerifier.create(market.coreWith(new StorePorts.Decorator() {
            @Override
            public OrderRepository orderRepository(OrderRepository port) {
                return new StaleExpiredListing(port, listedByTheJob);
            }
        }).expireOrders().expireDueOrders())
                .expectNext(0)
                .verifyComplete();
        assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.PAID);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.SOLD);
    }

    /** Lists an order as due that a competing transaction changed after the listing. */
    private record StaleExpiredListing(OrderRepository store, Order listed) implements OrderRepository {

        @Override
        public Flux<Order> findExpiredPending(Instant now, int limit) {
            return Flux.just(listed);
        }

        @Override
        public Mono<Void> insert(Order order) {
            return store.insert(order);
        }

        @Override
        public Mono<Order> findById(OrderId id) {
            return store.findById(id);
        }

        @Override
        public Mono<Boolean> changeStatus(OrderId id, OrderStatus expected, OrderStatus next) {
            return store.changeStatus(id, expected, next);
        }

        @Override
        public Mono<ActiveReservations> lockAndCountActive(ReservationHolder holder, Instant now) {
            return store.lockAndCountActive(holder, now);
        }
    }

    @Test
    void handlesAtMostOneBatchPerRun() {
        TestMarket smallBatches = TestMarket.create(new CoreSettings(Duration.ofMinutes(30), 2, Optional.empty()));
        IntStream.range(0, 3).forEach(i -> smallBatches.placeOrder(smallBatches.listCar()));
        smallBatches.advance(Duration.ofMinutes(30));
        Mono<Integer> run = smallBatches.core().expireOrders().expireDueOrders();

        StepVerifier.create(run).expectNext(2).verifyComplete();
        StepVerifier.create(run).expectNext(1).verifyComplete();
        StepVerifier.create(run).expectNext(0).verifyComplete();
    }

    @Test
    void concurrentRunsExpireEachOrderOnce() {
        List<CarDetails> cars = IntStream.range(0, 20).mapToObj(i -> market.listCar()).toList();
        List<OrderView> orders = cars.stream().map(market::placeOrder).toList();
        market.advance(Duration.ofMinutes(45));

        List<Object> expiredPerRun = Concurrently.run(8, i -> expire()).block();

        assertThat(expiredPerRun).allSatisfy(count -> assertThat(count).isInstanceOf(Integer.class));
        assertThat(expiredPerRun.stream().mapToInt(count -> (Integer) count).sum()).isEqualTo(20);
        assertThat(orders).allSatisfy(order -> assertThat(market.orderStatus(order.id())).isEqualTo(OrderStatus.EXPIRED));
        assertThat(cars).allSatisfy(car -> assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.AVAILABLE));
    }
}
