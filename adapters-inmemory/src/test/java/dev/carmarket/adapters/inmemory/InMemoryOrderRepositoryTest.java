package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.OrderRepositoryContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected OrderRepository orders() {
        return adapters.ports().orderRepository();
    }

    @Override
    protected TransactionRunner transactions() {
        return adapters.ports().transactionRunner();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return adapters.carBulkLoader().load(Flux.fromIterable(cars)).then();
    }
}
