package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarBulkLoader;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Times every {@link CarBulkLoader} call ({@link StoreQueryMetrics}); a load is timed as a whole. */
public final class MeteredCarBulkLoader implements CarBulkLoader {

    private final CarBulkLoader delegate;
    private final StoreQueryMetrics metrics;

    public MeteredCarBulkLoader(CarBulkLoader delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<Long> load(Flux<CarDetails> cars) {
        return metrics.time(StoreQuery.CAR_BULK_LOAD, () -> delegate.load(cars));
    }

    @Override
    public Mono<Long> count() {
        return metrics.time(StoreQuery.CAR_COUNT, delegate::count);
    }
}
