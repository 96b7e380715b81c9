package dev.carmarket.adapters.r2dbc.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.out.payment.ProviderCheckout;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The core's use cases racing against one PostgreSQL database: the guarantees the contract makes
 * across instances come from the store, so they are proven here with real transactions, once with
 * one hexagon and once with two hexagons on separate pools (two service instances).
 */
class CoreRacesOnPostgresTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ReservationQuota QUOTA = new ReservationQuota(2, 5);

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));
    private R2dbcPersistence firstInstance;
    private R2dbcPersistence secondInstance;

    @BeforeEach
    void twoInstancesOnAnEmptyDatabase() {
        firstInstance = DATABASE.persistence(time);
        secondInstance = DATABASE.persistence(time);
        DATABASE.truncateAll(firstInstance);
    }

    /** Each test's two pools hold up to 20 connections: closed here, a class of tests stays under the server's limit. */
    @AfterEach
    void closeBothInstances() {
        firstInstance.close();
        secondInstance.close();
    }

    @Test
    void ofSixtyFourConcurrentOrdersForOneCarExactlyOneSucceeds() {
        CarDetails car = givenAvailableCars(1).get(0);
        CarmarketCore core = hexagon(firstInstance);

        List<Object> outcomes = Concurrently.run(64, i -> core.placeOrder().placeOrder(pickup(car, null)))
                .block(TIMEOUT);

        assertThat(outcomes).filteredOn(PlacedOrder.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Concurrently.failedWith(DomainError.CAR_NOT_AVAILABLE)).hasSize(63);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(1);
        assertThat(statusOf(car)).isEqualTo(CarStatus.RESERVED);
    }

    /** One email, each order from its own address: the customer quota decides. */
    @Test
    void fiftyConcurrentOrdersOfOneCustomerOnTwoInstancesReserveExactlyTheCustomerQuota() {
        assertFiftyConcurrentOrdersReserve(QUOTA.perCustomer(), DomainError.CUSTOMER_RESERVATION_QUOTA,
                i -> TestOrders.JANE, i -> new ClientNetwork("198.51.100." + i));
    }

    /** One client network, a new email per order: the hoarder's pattern. */
    @Test
    void fiftyConcurrentOrdersFromOneClientNetworkReserveExactlyTheClientQuota() {
        assertFiftyConcurrentOrdersReserve(QUOTA.perClient(), DomainError.CLIENT_RESERVATION_QUOTA,
                i -> new Customer("Hoarder " + i, "hoard+" + i + "@example.com", "+4915112345678"),
                i -> new ClientNetwork("2001:db8:7:1:0:0:0:0/64"));
    }

    /** 50 orders at once, each for its own car, alternating between the two instances. */
    private void assertFiftyConcurrentOrdersReserve(int expected, DomainError refusal, IntFunction<Customer> customer,
            IntFunction<ClientNetwork> client) {
        List<CarDetails> cars = givenAvailableCars(50);
        List<CarmarketCore> instances = List.of(hexagon(firstInstance, Optional.of(QUOTA)),
                hexagon(secondInstance, Optional.of(QUOTA)));

        List<Object> outcomes = Concurrently.run(50, i -> instances.get(i % 2).placeOrder().placeOrder(
                new PlaceOrderCommand(cars.get(i).id(), customer.apply(i), DeliveryOption.PICKUP, null, null, null,
                        client.apply(i)))).block(TIMEOUT);

        assertThat(outcomes).filteredOn(PlacedOrder.class::isInstance).hasSize(expected);
        assertThat(outcomes).filteredOn(Concurrently.failedWith(refusal)).hasSize(50 - expected);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(expected);
        assertThat(count("SELECT count(*) FROM cars WHERE status = 'RESERVED'")).isEqualTo(expected);
    }

    @Test
    void thirtyTwoConcurrentRequestsWithOneIdempotencyKeyCreateOneOrder() {
        CarDetails car = givenAvailableCars(1).get(0);
        CarmarketCore core = hexagon(firstInstance);
        PlaceOrderCommand sameRequest = pickup(car, new IdempotencyKey("retry-" + UUID.randomUUID()));

        List<Object> outcomes = Concurrently.run(32, i -> core.placeOrder().placeOrder(sameRequest)).block(TIMEOUT);

        assertThat(outcomes).hasSize(32).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(PlacedOrder.class));
        List<PlacedOrder> placed = outcomes.stream().map(PlacedOrder.class::cast).toList();
        assertThat(placed).extracting(order -> order.order().id()).containsOnly(placed.get(0).order().id());
        assertThat(placed).filteredOn(order -> !order.replayed()).hasSize(1);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(1);
    }

    @Test
    void duplicateWebhookEventsChangeStateOnce() {
        CarDetails car = givenAvailableCars(1).get(0);
        CarmarketCore core = hexagon(firstInstance);
        PlacedOrder order = core.placeOrder().placeOrder(pickup(car, null)).block(TIMEOUT);
        StartedPayment payment = core.startPayment().startPayment(
                new StartPaymentCommand(order.order().id(), PaymentMethod.CARD, null, null)).block(TIMEOUT);
        PaymentEvent succeeded = new PaymentEvent("evt_" + UUID.randomUUID(), PaymentEventType.SUCCEEDED,
                payment.payment().providerReference(), payment.payment().amount(), time.now());
        CarmarketCore otherInstance = hexagon(secondInstance);

        List<Object> outcomes = Concurrently.run(16, i -> (i % 2 == 0 ? core : otherInstance)
                .handlePaymentEvent().handle(succeeded)).block(TIMEOUT);

        assertThat(outcomes).filteredOn(PaymentEventOutcome.APPLIED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(PaymentEventOutcome.DUPLICATE::equals).hasSize(15);
        assertThat(core.getOrder().getOrder(order.order().id()).block(TIMEOUT).status()).isEqualTo(OrderStatus.PAID);
        assertThat(statusOf(car)).isEqualTo(CarStatus.SOLD);
    }

    @Test
    void twoInstancesOnTwoPoolsRacingForOneCarHaveOneWinner() {
        CarDetails car = givenAvailableCars(1).get(0);
        CarmarketCore first = hexagon(firstInstance);
        CarmarketCore second = hexagon(secondInstance);

        List<Object> outcomes = Concurrently.run(64, i -> (i % 2 == 0 ? first : second)
                .placeOrder().placeOrder(pickup(car, null))).block(TIMEOUT);

        assertThat(outcomes).filteredOn(PlacedOrder.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Concurrently.failedWith(DomainError.CAR_NOT_AVAILABLE)).hasSize(63);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(1);
    }

    @Test
    void expiryRunningOnTwoInstancesAtOnceExpiresEachOrderOnce() {
        List<CarDetails> cars = givenAvailableCars(40);
        CarmarketCore first = hexagon(firstInstance);
        CarmarketCore second = hexagon(secondInstance);
        Flux.fromIterable(cars).concatMap(car -> first.placeOrder().placeOrder(pickup(car, null))).then().block(TIMEOUT);
        time.advance(Duration.ofMinutes(31));

        List<Object> expired = Concurrently.run(8, i -> (i % 2 == 0 ? first : second).expireOrders().expireDueOrders())
                .block(TIMEOUT);

        assertThat(expired).hasOnlyElementsOfType(Integer.class);
        assertThat(expired.stream().mapToInt(Integer.class::cast).sum()).isEqualTo(cars.size());
        assertThat(count("SELECT count(*) FROM orders WHERE status = 'EXPIRED'")).isEqualTo(cars.size());
        assertThat(count("SELECT count(*) FROM cars WHERE status = 'AVAILABLE'")).isEqualTo(cars.size());
    }

    /** Without the reservation quota: these races are about cars, keys and payments. */
    private CarmarketCore hexagon(R2dbcPersistence persistence) {
        return hexagon(persistence, Optional.empty());
    }

    private CarmarketCore hexagon(R2dbcPersistence persistence, Optional<ReservationQuota> quota) {
        return new CarmarketCore(persistence.ports(),
                request -> Mono.just(new ProviderCheckout("psp_" + request.paymentId(),
                        "https://checkout.example/" + request.paymentId())),
                time, UUID::randomUUID, CoreSettings.defaults().withReservationQuota(quota));
    }

    private List<CarDetails> givenAvailableCars(int count) {
        List<CarDetails> cars = IntStream.range(0, count).mapToObj(i -> TestCars.available()).toList();
        firstInstance.carBulkLoader().load(Flux.fromIterable(cars)).block(TIMEOUT);
        return cars;
    }

    private static PlaceOrderCommand pickup(CarDetails car, IdempotencyKey key) {
        return new PlaceOrderCommand(car.id(), TestOrders.JANE, DeliveryOption.PICKUP, null, null, key,
                TestOrders.CLIENT);
    }

    private CarStatus statusOf(CarDetails car) {
        return firstInstance.ports().carCatalog().findById(car.id()).block(TIMEOUT).summary().status();
    }

    private long count(String sql) {
        return firstInstance.databaseClient().sql(sql).map(row -> row.get(0, Long.class)).one().block(TIMEOUT);
    }
}
