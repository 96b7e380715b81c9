package dev.carmarket.ports.out.car;

import dev.carmarket.ports.domain.car.CarDetails;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Loads many cars at once (demo and benchmark data), in batches rather than row by row. */
public interface CarBulkLoader {

    /** @return how many cars were stored */
    Mono<Long> load(Flux<CarDetails> cars);

    /** How many cars the store holds, of any status. */
    Mono<Long> count();
}
