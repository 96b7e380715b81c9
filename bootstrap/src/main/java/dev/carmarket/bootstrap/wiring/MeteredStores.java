package dev.carmarket.bootstrap.wiring;

import dev.carmarket.adapters.observability.metrics.MeteredCarCatalog;
import dev.carmarket.adapters.observability.metrics.MeteredIdempotencyStore;
import dev.carmarket.adapters.observability.metrics.MeteredOrderNumberSequence;
import dev.carmarket.adapters.observability.metrics.MeteredOrderRepository;
import dev.carmarket.adapters.observability.metrics.MeteredPaymentRepository;
import dev.carmarket.adapters.observability.metrics.MeteredProcessedEventStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The store with each query port in its {@code Metered*} decorator: every query the core makes is
 * timed as {@code db_query_seconds{query,outcome}} and its failures counted as
 * {@code db_failures_total{query,reason}}. The transaction runner, readiness check and release stay as
 * they are. (The bulk loader is not among the store's ports: only the {@code --seed} command uses it,
 * a short process that nothing scrapes.)
 */
final class MeteredStores {

    private MeteredStores() {
    }

    static StoreAdapters decorate(StoreAdapters store, MeterRegistry registry) {
        return new StoreAdapters(
                new MeteredCarCatalog(store.carCatalog(), registry),
                new MeteredOrderRepository(store.orderRepository(), registry),
                new MeteredOrderNumberSequence(store.orderNumberSequence(), registry),
                new MeteredPaymentRepository(store.paymentRepository(), registry),
                new MeteredProcessedEventStore(store.processedEventStore(), registry),
                new MeteredIdempotencyStore(store.idempotencyStore(), registry),
                store.transactionRunner(),
                store.readinessCheck(),
                store.release());
    }
}
