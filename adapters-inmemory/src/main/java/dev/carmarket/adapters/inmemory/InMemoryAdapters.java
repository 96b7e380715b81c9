package dev.carmarket.adapters.inmemory;

import dev.carmarket.adapters.inmemory.car.InMemoryCarCatalog;
import dev.carmarket.adapters.inmemory.idempotency.InMemoryIdempotencyStore;
import dev.carmarket.adapters.inmemory.order.InMemoryOrderNumberSequence;
import dev.carmarket.adapters.inmemory.order.InMemoryOrderRepository;
import dev.carmarket.adapters.inmemory.payment.InMemoryPaymentRepository;
import dev.carmarket.adapters.inmemory.payment.InMemoryProcessedEventStore;
import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.car.CarBulkLoader;
import java.util.stream.Stream;

/**
 * Every store port, in memory, sharing one store: what one port writes the others see, and the
 * transaction runner spans all of them. Build a fresh instance per test.
 */
public final class InMemoryAdapters {

    private final InMemoryCarCatalog carCatalog;
    private final StorePorts ports;

    private InMemoryAdapters(Stream<CarDetails> cars) {
        InMemoryTransactionRunner transactions = new InMemoryTransactionRunner();
        carCatalog = new InMemoryCarCatalog(transactions, cars);
        ports = new StorePorts(carCatalog,
                new InMemoryOrderRepository(transactions),
                new InMemoryOrderNumberSequence(),
                new InMemoryPaymentRepository(transactions),
                new InMemoryProcessedEventStore(transactions),
                new InMemoryIdempotencyStore(transactions),
                transactions);
    }

    /** A store without cars. */
    public static InMemoryAdapters empty() {
        return withCars(Stream.empty());
    }

    /** A store holding {@code cars} from the start (the stream is consumed here). */
    public static InMemoryAdapters withCars(Stream<CarDetails> cars) {
        return new InMemoryAdapters(cars);
    }

    public StorePorts ports() {
        return ports;
    }

    /** Lists cars in the same catalog the ports search. */
    public CarBulkLoader carBulkLoader() {
        return carCatalog;
    }
}
