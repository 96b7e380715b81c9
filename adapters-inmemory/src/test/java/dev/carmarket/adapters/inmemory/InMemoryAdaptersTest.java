package dev.carmarket.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.inmemory.demo.DemoCarGenerator;
import dev.carmarket.adapters.inmemory.system.ManualTimeSource;
import dev.carmarket.adapters.inmemory.system.SeededIdGenerator;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.out.payment.CheckoutRequest;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.testing.TestPayments;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class InMemoryAdaptersTest {

    @Test
    void demoDataHoldsTheGeneratedCars() {
        InMemoryAdapters adapters = InMemoryAdapters.withDemoData(DemoCarGenerator.DEMO_SIZE);
        List<CarDetails> expected = new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(DemoCarGenerator.DEMO_SIZE).toList();
        long available = expected.stream().filter(car -> car.summary().status() == CarStatus.AVAILABLE).count();

        StepVerifier.create(adapters.carBulkLoader().count()).expectNext(500L).verifyComplete();
        StepVerifier.create(adapters.carCatalog().search(SearchCriteria.defaults()))
                .assertNext(page -> assertThat(page.total()).isEqualTo(available))
                .verifyComplete();
        StepVerifier.create(adapters.carCatalog().findById(expected.get(123).id())).expectNext(expected.get(123)).verifyComplete();
    }

    @Test
    void anEmptySetHasNoCars() {
        StepVerifier.create(InMemoryAdapters.empty().carBulkLoader().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void theBuilderUsesTheGivenClockIdsAndCars() {
        ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));
        CarDetails car = TestCars.available();

        InMemoryAdapters adapters = InMemoryAdapters.builder().timeSource(clock).idGenerator(new SeededIdGenerator(3))
                .cars(Stream.of(car)).build();

        assertThat(adapters.timeSource().now()).isEqualTo(clock.now());
        assertThat(adapters.idGenerator().newId()).isEqualTo(new SeededIdGenerator(3).newId());
        StepVerifier.create(adapters.carCatalog().findById(car.id())).expectNext(car).verifyComplete();
    }

    @Test
    void everyPortSharesOneStoreAndOneTransaction() {
        CarDetails car = TestCars.available();
        InMemoryAdapters adapters = InMemoryAdapters.builder().cars(Stream.of(car)).build();
        Order order = TestOrders.pendingFor(car).build();
        Payment payment = TestPayments.pendingFor(order).build();

        StepVerifier.create(adapters.transactionRunner().inTransaction(() -> adapters.carCatalog()
                        .changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .then(adapters.orderRepository().insert(order))
                        .then(adapters.paymentRepository().insert(payment))
                        .then(Mono.error(new IllegalStateException("abort")))))
                .expectErrorMessage("abort").verify();

        StepVerifier.create(adapters.carCatalog().findById(car.id())).expectNext(car).verifyComplete();
        StepVerifier.create(adapters.orderRepository().findById(order.id())).verifyComplete();
        StepVerifier.create(adapters.paymentRepository().findById(payment.id())).verifyComplete();
    }

    @Test
    void theSandboxProviderDrawsEventIdsFromTheSameIdGenerator() {
        InMemoryAdapters adapters = InMemoryAdapters.builder().idGenerator(new SeededIdGenerator(5)).build();
        PaymentId paymentId = new PaymentId(new SeededIdGenerator(9).newId());

        StepVerifier.create(adapters.paymentProvider()
                        .createCheckout(new CheckoutRequest(paymentId, Money.of("10", "EUR"), PaymentMethod.CARD, null)))
                .assertNext(checkout -> assertThat(checkout.checkoutUrl()).endsWith(checkout.providerReference()))
                .verifyComplete();
        String eventId = adapters.paymentProvider().succeededEvent(
                TestPayments.pendingFor(TestOrders.pendingFor(TestCars.available()).build()).build(), Instant.EPOCH).eventId();
        assertThat(eventId).isEqualTo("evt_" + new SeededIdGenerator(5).newId().toString().replace("-", ""));
    }
}
