package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.CarCatalogContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InMemoryCarCatalogTest extends CarCatalogContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected CarCatalog catalog() {
        return adapters.ports().carCatalog();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return adapters.carBulkLoader().load(Flux.fromIterable(cars)).then();
    }
}
