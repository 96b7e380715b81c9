package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.TransactionRunnerContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InMemoryTransactionRunnerTest extends TransactionRunnerContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected TransactionRunner transactions() {
        return adapters.ports().transactionRunner();
    }

    @Override
    protected CarCatalog catalog() {
        return adapters.ports().carCatalog();
    }

    @Override
    protected OrderRepository orders() {
        return adapters.ports().orderRepository();
    }

    @Override
    protected PaymentRepository payments() {
        return adapters.ports().paymentRepository();
    }

    @Override
    protected ProcessedEventStore processedEvents() {
        return adapters.ports().processedEventStore();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return adapters.ports().idempotencyStore();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return adapters.carBulkLoader().load(Flux.fromIterable(cars)).then();
    }
}
