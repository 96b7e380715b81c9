package dev.carmarket.bootstrap.wiring;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.Objects;

/**
 * The outbound ports of the chosen store (PostgreSQL or in memory), whichever it is, how readiness
 * checks it, and how to release it. Closed by Spring after the web server has drained.
 */
public record StoreAdapters(
        CarCatalog carCatalog,
        OrderRepository orderRepository,
        OrderNumberSequence orderNumberSequence,
        PaymentRepository paymentRepository,
        ProcessedEventStore processedEventStore,
        IdempotencyStore idempotencyStore,
        TransactionRunner transactionRunner,
        StoreReadinessCheck readinessCheck,
        Runnable release) implements AutoCloseable {

    public StoreAdapters {
        Objects.requireNonNull(carCatalog, "carCatalog");
        Objects.requireNonNull(orderRepository, "orderRepository");
        Objects.requireNonNull(orderNumberSequence, "orderNumberSequence");
        Objects.requireNonNull(paymentRepository, "paymentRepository");
        Objects.requireNonNull(processedEventStore, "processedEventStore");
        Objects.requireNonNull(idempotencyStore, "idempotencyStore");
        Objects.requireNonNull(transactionRunner, "transactionRunner");
        Objects.requireNonNull(readinessCheck, "readinessCheck");
        Objects.requireNonNull(release, "release");
    }

    /** The in-memory store: always ready, nothing to release. */
    public static StoreAdapters inMemory(InMemoryAdapters adapters) {
        return new StoreAdapters(adapters.carCatalog(), adapters.orderRepository(),
                adapters.orderNumberSequence(), adapters.paymentRepository(), adapters.processedEventStore(),
                adapters.idempotencyStore(), adapters.transactionRunner(), StoreReadinessCheck.IN_MEMORY, () -> { });
    }

    /** PostgreSQL: ready while {@code SELECT 1} answers in time; closing releases the connection pool. */
    public static StoreAdapters postgres(R2dbcPersistence persistence) {
        return new StoreAdapters(persistence.carCatalog(), persistence.orderRepository(),
                persistence.orderNumberSequence(), persistence.paymentRepository(),
                persistence.processedEventStore(), persistence.idempotencyStore(), persistence.transactionRunner(),
                new DatabaseReadinessCheck(persistence), persistence::close);
    }

    /** Hands every store port to the core's builder. */
    public CarmarketCore.Builder addTo(CarmarketCore.Builder core) {
        return core.carCatalog(carCatalog)
                .orderRepository(orderRepository)
                .orderNumberSequence(orderNumberSequence)
                .paymentRepository(paymentRepository)
                .processedEventStore(processedEventStore)
                .idempotencyStore(idempotencyStore)
                .transactionRunner(transactionRunner);
    }

    @Override
    public void close() {
        release.run();
    }
}
