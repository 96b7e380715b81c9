package dev.carmarket.ports.in.car;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import reactor.core.publisher.Mono;

public interface GetCarDetailsUseCase {

    /** The car in any status; errors with {@code CAR_NOT_FOUND} when there is none. */
    Mono<CarDetails> getCarDetails(CarId id);
}
