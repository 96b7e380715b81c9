package dev.carmarket.ports.out.car;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.Money;
import reactor.core.publisher.Mono;

/** The store of listed cars. Store failures surface as {@code STORE_UNAVAILABLE}. */
public interface CarCatalog {

    /** AVAILABLE cars matching the criteria; the total may be cached for at most 5 seconds. */
    Mono<CarPage> search(SearchCriteria criteria);

    /** Any status; empty when unknown. */
    Mono<CarDetails> findById(CarId id);

    /**
     * Compare-and-set of the car's status: changes it to {@code next} only if it is
     * {@code expected} now, atomically with respect to every other caller (on every instance).
     *
     * @return true if this call made the change; false if the car is missing or in another status
     */
    Mono<Boolean> changeStatus(CarId id, CarStatus expected, CarStatus next);

    /**
     * {@link #changeStatus} answering the car's price as it was stored when the status changed, in the same
     * atomic step: an order priced from the car it reserves needs no read before the change.
     *
     * @return the price if this call made the change; empty if the car is missing or in another status
     */
    Mono<Money> changeStatusReturningPrice(CarId id, CarStatus expected, CarStatus next);
}
