package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.OrderRepositoryContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The {@link OrderRepositoryContract} against PostgreSQL. */
class PostgresOrderRepositoryContractTest extends OrderRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected OrderRepository orders() {
        return store.orders();
    }

    @Override
    protected TransactionRunner transactions() {
        return store.transactions();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return store.givenCars(cars);
    }
}
