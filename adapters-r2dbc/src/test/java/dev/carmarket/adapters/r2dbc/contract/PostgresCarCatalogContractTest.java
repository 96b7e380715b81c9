package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.CarCatalogContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The {@link CarCatalogContract} against PostgreSQL. */
class PostgresCarCatalogContractTest extends CarCatalogContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected CarCatalog catalog() {
        return store.catalog();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return store.givenCars(cars);
    }
}
