package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.IdempotencyStoreContract;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link IdempotencyStoreContract} against PostgreSQL. */
class PostgresIdempotencyStoreContractTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected IdempotencyStore idempotency() {
        return store.idempotency();
    }

    @Override
    protected TransactionRunner transactions() {
        return store.transactions();
    }
}
