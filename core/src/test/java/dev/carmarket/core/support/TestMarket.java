package dev.carmarket.core.support;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.sandbox.SandboxPaymentProvider;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.ports.testing.SeededIdGenerator;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The whole hexagon over fresh in-memory adapters, with a clock that only moves when told.
 * Setup and inspection block (this is test code); the behaviour under test is verified
 * with StepVerifier in the tests themselves.
 */
public final class TestMarket {

    public static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final ManualTimeSource clock = new ManualTimeSource(START);
    private final InMemoryAdapters adapters = InMemoryAdapters.empty();
    private final IdGenerator ids = new SeededIdGenerator(7);
    private final SandboxPaymentProvider paymentProvider = new SandboxPaymentProvider(ids);
    private final CoreSettings settings;
    private final CarmarketCore core;

    private TestMarket(CoreSettings settings) {
        this.settings = settings;
        this.core = coreWith(new StorePorts.Decorator() { });
    }

    /** The default settings without the reservation quota: a test of it turns it on itself. */
    public static TestMarket create() {
        return new TestMarket(CoreSettings.defaults().withReservationQuota(Optional.empty()));
    }

    public static TestMarket create(CoreSettings settings) {
        return new TestMarket(settings);
    }

    public CarmarketCore core() {
        return core;
    }

    /** The stores behind the core, for checking what a use case changed. */
    public StorePorts stores() {
        return adapters.ports();
    }

    /** Another core over the same stores, with some ports replaced (e.g. by failing doubles). */
    public CarmarketCore coreWith(StorePorts.Decorator replacements) {
        return new CarmarketCore(adapters.ports().decorate(replacements), paymentProvider, clock, ids, settings);
    }

    /** Another core over the same stores, with other settings. */
    public CarmarketCore coreWith(CoreSettings otherSettings) {
        return new CarmarketCore(adapters.ports(), paymentProvider, clock, ids, otherSettings);
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    public void setTime(Instant instant) {
        clock.set(instant);
    }

    /** Lists the car, replacing a stored car with the same id (e.g. to change its price). */
    public CarDetails list(CarDetails car) {
        adapters.carBulkLoader().load(Flux.just(car)).block();
        return car;
    }

    /** A fresh AVAILABLE car at the fixtures' default price. */
    public CarDetails listCar() {
        return list(TestCars.available());
    }

    public CarStatus carStatus(CarId car) {
        return core.getCarDetails().getCarDetails(car).block().summary().status();
    }

    public OrderView order(OrderId order) {
        return core.getOrder().getOrder(order).block();
    }

    public OrderStatus orderStatus(OrderId order) {
        return order(order).status();
    }

    public Payment payment(PaymentId payment) {
        return core.getPayment().getPayment(payment).block();
    }

    public PaymentStatus paymentStatus(PaymentId payment) {
        return payment(payment).status();
    }

    // --- shortcuts for the steps before the one under test ---

    public OrderView placeOrder(CarDetails car) {
        return core.placeOrder().placeOrder(TestCommands.pickUp(car.id())).block().order();
    }

    public Payment startPayment(OrderView order) {
        return core.startPayment().startPayment(TestCommands.payByCard(order.id())).block().payment();
    }

    /** The provider's success event for the payment's full amount, with a new event id. */
    public PaymentEvent succeeded(Payment payment) {
        return paymentProvider.succeededEvent(payment, clock.now());
    }

    /** The provider's decline event for the payment, with a new event id. */
    public PaymentEvent failed(Payment payment) {
        return paymentProvider.failedEvent(payment, clock.now());
    }
}
