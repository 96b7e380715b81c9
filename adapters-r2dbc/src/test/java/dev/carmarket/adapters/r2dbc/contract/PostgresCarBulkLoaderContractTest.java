package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.CarBulkLoaderContract;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CarBulkLoaderContract} against PostgreSQL. */
class PostgresCarBulkLoaderContractTest extends CarBulkLoaderContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected CarBulkLoader bulkLoader() {
        return store.bulkLoader();
    }

    @Override
    protected CarCatalog catalog() {
        return store.catalog();
    }
}
