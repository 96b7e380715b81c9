package dev.carmarket.core.car;

import dev.carmarket.core.common.Failures;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class GetCarDetailsService implements GetCarDetailsUseCase {

    private final CarCatalog catalog;

    public GetCarDetailsService(CarCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Mono<CarDetails> getCarDetails(CarId id) {
        Objects.requireNonNull(id, "id");
        return catalog.findById(id).switchIfEmpty(Failures.fail(DomainError.CAR_NOT_FOUND));
    }
}
