package dev.carmarket.adapters.r2dbc.contract;

import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.adapters.r2dbc.testing.PostgresStore;
import dev.carmarket.ports.contract.TransactionRunnerContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The {@link TransactionRunnerContract} against PostgreSQL. */
class PostgresTransactionRunnerContractTest extends TransactionRunnerContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final PostgresStore store = PostgresStore.emptied(DATABASE);

    @Override
    protected TransactionRunner transactions() {
        return store.transactions();
    }

    @Override
    protected CarCatalog catalog() {
        return store.catalog();
    }

    @Override
    protected OrderRepository orders() {
        return store.orders();
    }

    @Override
    protected PaymentRepository payments() {
        return store.payments();
    }

    @Override
    protected ProcessedEventStore processedEvents() {
        return store.processedEvents();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return store.idempotency();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return store.givenCars(cars);
    }
}
