package dev.carmarket.adapters.r2dbc.testing;

import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.car.R2dbcCarCatalog;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An emptied PostgreSQL store for one test: every port on the class's shared pool, and a catalog
 * of its own so that no search total cached by an earlier test leaks in.
 */
public final class PostgresStore {

    private final R2dbcPersistence persistence;
    private final R2dbcCarCatalog catalog;

    private PostgresStore(R2dbcPersistence persistence) {
        this.persistence = persistence;
        this.catalog = new R2dbcCarCatalog(persistence.databaseClient(),
                persistence.readReplicas().routing(),
                new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z")),
                new StoreCalls(QueryObserver.NONE, PoolSettings.defaults().callTimeout()));
    }

    /** Truncates every table of the shared test database and returns the ports over it. */
    public static PostgresStore emptied(PostgresDatabase database) {
        R2dbcPersistence persistence = database.sharedPersistence();
        database.truncateAll(persistence);
        return new PostgresStore(persistence);
    }

    public Mono<Void> givenCars(List<CarDetails> cars) {
        return persistence.carBulkLoader().load(Flux.fromIterable(cars)).then();
    }

    public CarCatalog catalog() {
        return catalog;
    }

    public CarBulkLoader bulkLoader() {
        return persistence.carBulkLoader();
    }

    public OrderRepository orders() {
        return persistence.ports().orderRepository();
    }

    public OrderNumberSequence orderNumbers() {
        return persistence.ports().orderNumberSequence();
    }

    public PaymentRepository payments() {
        return persistence.ports().paymentRepository();
    }

    public ProcessedEventStore processedEvents() {
        return persistence.ports().processedEventStore();
    }

    public IdempotencyStore idempotency() {
        return persistence.ports().idempotencyStore();
    }

    public TransactionRunner transactions() {
        return persistence.ports().transactionRunner();
    }
}
