package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.out.car.CarCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Times every {@link CarCatalog} query ({@link StoreQueryMetrics}). */
public final class MeteredCarCatalog implements CarCatalog {

    private final CarCatalog delegate;
    private final StoreQueryMetrics metrics;

    public MeteredCarCatalog(CarCatalog delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<CarPage> search(SearchCriteria criteria) {
        return metrics.time(StoreQuery.CAR_SEARCH, () -> delegate.search(criteria));
    }

    @Override
    public Mono<CarDetails> findById(CarId id) {
        return metrics.time(StoreQuery.CAR_FIND_BY_ID, () -> delegate.findById(id));
    }

    @Override
    public Mono<Boolean> changeStatus(CarId id, CarStatus expected, CarStatus next) {
        return metrics.time(StoreQuery.CAR_CHANGE_STATUS, () -> delegate.changeStatus(id, expected, next));
    }

    @Override
    public Mono<Money> changeStatusReturningPrice(CarId id, CarStatus expected, CarStatus next) {
        return metrics.time(StoreQuery.CAR_CHANGE_STATUS, () -> delegate.changeStatusReturningPrice(id, expected, next));
    }
}
