package dev.carmarket.ports.in.car;

import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.SearchCriteria;
import reactor.core.publisher.Mono;

public interface SearchCarsUseCase {

    /** One page of AVAILABLE cars matching the criteria, in the requested order, ties broken by id. */
    Mono<CarPage> search(SearchCriteria criteria);
}
