package dev.carmarket.core.order;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static dev.carmarket.core.support.TestCommands.payByCard;
import static dev.carmarket.core.support.TestCommands.pickUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.support.StoreOutage;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.MaskedCustomer;
import dev.carmarket.ports.domain.order.OrderNumber;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PlaceOrderServiceTest {

    private final TestMarket market = TestMarket.create();

    private Mono<PlacedOrder> place(PlaceOrderCommand command) {
        return market.core().placeOrder().placeOrder(command);
    }

    @Test
    void reservesTheCarAndCreatesAPendingOrderPricedFromTheCar() {
        CarDetails car = market.list(TestCars.car().price(Money.of("24500.50", "EUR")).build());

        PlacedOrder placed = place(pickUp(car.id())).block();

        assertThat(placed.replayed()).isFalse();
        OrderView order = placed.order();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.carId()).isEqualTo(car.id());
        assertThat(order.amount()).isEqualTo(Money.of("24500.50", "EUR"));
        assertThat(order.number()).isEqualTo(new OrderNumber("ORD-2026-000001"));
        assertThat(order.createdAt()).isEqualTo(TestMarket.START);
        assertThat(order.expiresAt()).isEqualTo(Instant.parse("2026-11-26T12:30:00Z"));
        assertThat(order.deliveryOption()).isEqualTo(DeliveryOption.PICKUP);
        assertThat(order.customer()).isEqualTo(new MaskedCustomer("Jane Doe", "j***@example.com", "+49*******678"));
        assertThat(market.order(order.id())).isEqualTo(order);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.RESERVED);
    }

    @Test
    void keepsTheDeliveryChoice() {
        CarDetails car = market.listCar();
        PlaceOrderCommand delivered = new PlaceOrderCommand(car.id(), TestOrders.JANE, DeliveryOption.DELIVERY,
                TestOrders.ADDRESS, "Please call before delivery", null, TestOrders.CLIENT);

        StepVerifier.create(place(delivered))
                .assertNext(placed -> assertThat(placed.order().deliveryOption()).isEqualTo(DeliveryOption.DELIVERY))
                .verifyComplete();
    }

    @Test
    void numbersOrdersInSequenceWithTheUtcYear() {
        market.setTime(Instant.parse("2026-12-31T23:30:00Z")); // already 2027 in Berlin
        OrderView lastOfYear = market.placeOrder(market.listCar());
        market.setTime(Instant.parse("2027-01-01T00:10:00Z"));
        OrderView firstOfYear = market.placeOrder(market.listCar());

        assertThat(lastOfYear.number().value()).isEqualTo("ORD-2026-000001");
        assertThat(firstOfYear.number().value()).isEqualTo("ORD-2027-000002");
    }

    @Test
    void expiresAfterTheConfiguredTimeToLive() {
        TestMarket shortLived = TestMarket.create(new CoreSettings(Duration.ofMinutes(5), 100, Optional.empty()));

        OrderView order = shortLived.placeOrder(shortLived.listCar());

        assertThat(order.expiresAt()).isEqualTo(Instant.parse("2026-11-26T12:05:00Z"));
    }

    @Test
    void keepsTheAgreedAmountWhenTheCarPriceChangesLater() {
        CarDetails car = market.list(TestCars.car().price("18990.00").build());
        OrderView order = market.placeOrder(car);

        market.list(TestCars.car().id(car.id().value()).price("15000.00").status(CarStatus.RESERVED).build());

        assertThat(market.order(order.id()).amount()).isEqualTo(Money.of("18990.00", "EUR"));
        assertThat(market.startPayment(order).amount()).isEqualTo(Money.of("18990.00", "EUR"));
    }

    @Test
    void reservesWithoutReadingTheCarFirst() {
        CarDetails car = market.list(TestCars.car().price(Money.of("21000.00", "EUR")).build());
        CarmarketCore unreadableCars = market.coreWith(new StorePorts.Decorator() {
            @Override
            public CarCatalog carCatalog(CarCatalog port) {
                return StoreOutage.failing(CarCatalog.class, port, "findById");
            }
        });

        StepVerifier.create(unreadableCars.placeOrder().placeOrder(pickUp(car.id())))
                .assertNext(placed -> assertThat(placed.order().amount()).isEqualTo(Money.of("21000.00", "EUR")))
                .verifyComplete();
    }

    @Test
    void failsForAnUnknownCar() {
        assertFailsWith(place(pickUp(TestCars.available().id())), DomainError.CAR_NOT_FOUND);
    }

    @Test
    void failsWhenTheCarIsReservedOrSold() {
        CarDetails reserved = market.listCar();
        market.placeOrder(reserved);
        CarDetails sold = market.list(TestCars.car().status(CarStatus.SOLD).build());

        assertFailsWith(place(pickUp(reserved.id())), DomainError.CAR_NOT_AVAILABLE);
        assertFailsWith(place(pickUp(sold.id())), DomainError.CAR_NOT_AVAILABLE);
        assertThat(market.carStatus(sold.id())).isEqualTo(CarStatus.SOLD);
    }

    @Test
    void replaysTheSameRequestUnderTheSameKeyWithoutCreatingAnotherOrder() {
        CarDetails car = market.listCar();
        PlacedOrder first = place(pickUp(car.id(), "key-1")).block();

        StepVerifier.create(place(pickUp(car.id(), "key-1")))
                .assertNext(replay -> {
                    assertThat(replay.replayed()).isTrue();
                    assertThat(replay.order()).isEqualTo(first.order());
                })
                .verifyComplete();
        // the replay drew no order number: the next order gets the second one
        assertThat(market.placeOrder(market.listCar()).number().value()).isEqualTo("ORD-2026-000002");
    }

    @Test
    void replaysTheOrderAsItIsNow() {
        CarDetails car = market.listCar();
        PlacedOrder first = place(pickUp(car.id(), "key-1")).block();
        market.advance(Duration.ofMinutes(31));
        market.core().expireOrders().expireDueOrders().block();

        StepVerifier.create(place(pickUp(car.id(), "key-1")))
                .assertNext(replay -> {
                    assertThat(replay.replayed()).isTrue();
                    assertThat(replay.order().id()).isEqualTo(first.order().id());
                    assertThat(replay.order().status()).isEqualTo(OrderStatus.EXPIRED);
                })
                .verifyComplete();
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.AVAILABLE);
    }

    @Test
    void rejectsTheKeyWithAnotherRequestAndChangesNothing() {
        CarDetails car = market.listCar();
        CarDetails otherCar = market.listCar();
        OrderView first = place(pickUp(car.id(), "key-1")).block().order();

        assertFailsWith(place(pickUp(otherCar.id(), "key-1")), DomainError.IDEMPOTENCY_KEY_REUSED);

        assertThat(market.carStatus(otherCar.id())).isEqualTo(CarStatus.AVAILABLE);
        assertThat(market.order(first.id())).isEqualTo(first);
    }

    @Test
    void tellsRequestsApartByDataThatMaskingHides() {
        CarDetails car = market.listCar();
        Customer janeAtWork = new Customer("Jane Doe", "jane@work.example", "+4915112345678");
        Customer sameMaskedEmail = new Customer("Jane Doe", "joe@work.example", "+4915112345678");
        assertThat(janeAtWork.toString()).isEqualTo(sameMaskedEmail.toString());
        place(new PlaceOrderCommand(car.id(), janeAtWork, DeliveryOption.PICKUP, null, null,
                new IdempotencyKey("key-1"), TestOrders.CLIENT)).block();

        assertFailsWith(place(new PlaceOrderCommand(car.id(), sameMaskedEmail, DeliveryOption.PICKUP, null, null,
                new IdempotencyKey("key-1"), TestOrders.CLIENT)), DomainError.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void keysOfAnotherOperationDoNotCollide() {
        OrderView order = market.placeOrder(market.listCar());
        market.core().startPayment().startPayment(
                payByCard(order.id(), "shared-key")).block();

        StepVerifier.create(place(pickUp(market.listCar().id(), "shared-key")))
                .assertNext(placed -> assertThat(placed.replayed()).isFalse())
                .verifyComplete();
    }

    @Test
    void forgetsTheKeyWhenTheRequestFailsSoThatARetryExecutesAgain() {
        CarDetails car = market.listCar();
        market.placeOrder(car);
        assertFailsWith(place(pickUp(car.id(), "key-1")), DomainError.CAR_NOT_AVAILABLE);

        market.advance(Duration.ofMinutes(30));
        market.core().expireOrders().expireDueOrders().block();

        StepVerifier.create(place(pickUp(car.id(), "key-1")))
                .assertNext(placed -> {
                    assertThat(placed.replayed()).isFalse();
                    assertThat(placed.order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
                })
                .verifyComplete();
    }

    @Test
    void aStoreFailureSurfacesAndRollsBackTheReservationAndTheKey() {
        CarDetails car = market.listCar();
        CarmarketCore failingInsert = market.coreWith(new StorePorts.Decorator() {
            @Override
            public OrderRepository orderRepository(OrderRepository port) {
                return StoreOutage.failing(OrderRepository.class, port, "insert");
            }
        });

        assertFailsWith(failingInsert.placeOrder().placeOrder(pickUp(car.id(), "key-1")),
                DomainError.STORE_UNAVAILABLE);

        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.AVAILABLE);
        StepVerifier.create(place(pickUp(car.id(), "key-1")))
                .assertNext(placed -> assertThat(placed.replayed()).isFalse())
                .verifyComplete();
    }
}
