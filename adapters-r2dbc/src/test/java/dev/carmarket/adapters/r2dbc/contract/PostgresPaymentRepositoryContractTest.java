package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.PaymentRepositoryContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The {@link PaymentRepositoryContract} against PostgreSQL. */
class PostgresPaymentRepositoryContractTest extends PaymentRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected PaymentRepository payments() {
        return store.payments();
    }

    @Override
    protected OrderRepository orders() {
        return store.orders();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return store.givenCars(cars);
    }
}
