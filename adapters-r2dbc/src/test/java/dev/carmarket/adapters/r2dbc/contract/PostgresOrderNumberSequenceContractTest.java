package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.OrderNumberSequenceContract;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OrderNumberSequenceContract} against PostgreSQL. */
class PostgresOrderNumberSequenceContractTest extends OrderNumberSequenceContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected OrderNumberSequence sequence() {
        return store.orderNumbers();
    }
}
