package dev.carmarket.adapters.inmemory.car;

import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The car listings, searchable and bulk-loadable; a loaded car with a known id replaces the stored one. */
public final class InMemoryCarCatalog implements CarCatalog, CarBulkLoader {

    private static final int LOAD_BATCH_SIZE = 1_000;

    private final InMemoryTransactionRunner transactions;
    private final Map<CarId, CarDetails> cars = new ConcurrentHashMap<>();

    public InMemoryCarCatalog(InMemoryTransactionRunner transactions, Stream<CarDetails> initialCars) {
        this.transactions = transactions;
        initialCars.forEach(car -> cars.put(car.id(), car));
    }

    @Override
    public Mono<CarPage> search(SearchCriteria criteria) {
        return transactions.execute(undo ->
                CarSearch.page(cars.values().stream().map(CarDetails::summary), criteria));
    }

    @Override
    public Mono<CarDetails> findById(CarId id) {
        return transactions.execute(undo -> cars.get(id));
    }

    @Override
    public Mono<Boolean> changeStatus(CarId id, CarStatus expected, CarStatus next) {
        return changeStatusReturningPrice(id, expected, next).hasElement();
    }

    @Override
    public Mono<Money> changeStatusReturningPrice(CarId id, CarStatus expected, CarStatus next) {
        return transactions.execute(undo -> {
            CarDetails car = cars.get(id);
            if (car == null || car.summary().status() != expected) {
                return null;
            }
            undo.put(cars, id, car.withStatus(next));
            return car.summary().price();
        });
    }

    @Override
    public Mono<Long> load(Flux<CarDetails> incoming) {
        return incoming.buffer(LOAD_BATCH_SIZE)
                .concatMap(this::store)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> store(List<CarDetails> batch) {
        return transactions.execute(undo -> {
            batch.forEach(car -> undo.put(cars, car.id(), car));
            return (long) batch.size();
        });
    }

    @Override
    public Mono<Long> count() {
        return transactions.execute(undo -> (long) cars.size());
    }
}
