package dev.carmarket.core.car;

import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Searching is the catalog's job; the criteria arrive validated by their own constructor. */
public final class SearchCarsService implements SearchCarsUseCase {

    private final CarCatalog catalog;

    public SearchCarsService(CarCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Mono<CarPage> search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return catalog.search(criteria);
    }
}
