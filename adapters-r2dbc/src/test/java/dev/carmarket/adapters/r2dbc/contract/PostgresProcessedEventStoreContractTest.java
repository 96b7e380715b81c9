package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.ProcessedEventStoreContract;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ProcessedEventStoreContract} against PostgreSQL. */
class PostgresProcessedEventStoreContractTest extends ProcessedEventStoreContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected ProcessedEventStore processedEvents() {
        return store.processedEvents();
    }

    @Override
    protected TransactionRunner transactions() {
        return store.transactions();
    }
}
