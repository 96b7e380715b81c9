package dev.carmarket.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.testing.TestPayments;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class InMemoryAdaptersTest {

    @Test
    void theGivenCarsAreStoredAndSearchable() {
        List<CarDetails> cars = List.of(TestCars.available(), TestCars.available(),
                TestCars.available().withStatus(CarStatus.SOLD));
        InMemoryAdapters adapters = InMemoryAdapters.withCars(cars.stream());

        StepVerifier.create(adapters.carBulkLoader().count()).expectNext(3L).verifyComplete();
        StepVerifier.create(adapters.ports().carCatalog().search(SearchCriteria.defaults()))
                .assertNext(page -> assertThat(page.total()).isEqualTo(2))
                .verifyComplete();
        StepVerifier.create(adapters.ports().carCatalog().findById(cars.get(2).id())).expectNext(cars.get(2))
                .verifyComplete();
    }

    @Test
    void anEmptySetHasNoCars() {
        StepVerifier.create(InMemoryAdapters.empty().carBulkLoader().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void eachInstanceIsAStoreOfItsOwn() {
        CarDetails car = TestCars.available();
        InMemoryAdapters first = InMemoryAdapters.withCars(Stream.of(car));
        InMemoryAdapters second = InMemoryAdapters.empty();

        StepVerifier.create(first.ports().carCatalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(true).verifyComplete();
        StepVerifier.create(second.ports().carCatalog().findById(car.id())).verifyComplete();
        StepVerifier.create(second.carBulkLoader().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void everyPortSharesOneStoreAndOneTransaction() {
        CarDetails car = TestCars.available();
        StorePorts adapters = InMemoryAdapters.withCars(Stream.of(car)).ports();
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
    void theBulkLoaderFillsTheCatalogThePortsSearch() {
        InMemoryAdapters adapters = InMemoryAdapters.empty();
        CarDetails car = TestCars.available();

        StepVerifier.create(adapters.carBulkLoader().load(Flux.just(car))).expectNext(1L).verifyComplete();
        StepVerifier.create(adapters.ports().carCatalog().findById(car.id())).expectNext(car).verifyComplete();
    }
}
