package dev.carmarket.core.car;

import static dev.carmarket.ports.domain.car.CarStatus.AVAILABLE;
import static dev.carmarket.ports.domain.car.CarStatus.RESERVED;
import static dev.carmarket.ports.domain.car.CarStatus.SOLD;

import dev.carmarket.core.common.Lifecycle;
import dev.carmarket.core.common.Transition;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.out.car.CarCatalog;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The car state machine and the only way the use cases change a car's status.
 * SOLD is final: nothing moves a sold car back.
 */
public final class CarLifecycle {

    public static final Lifecycle<CarStatus> STATES = Lifecycle.of(CarStatus.class)
            .allow(AVAILABLE, RESERVED) // an order holds it
            .allow(RESERVED, AVAILABLE) // that order expired
            .allow(RESERVED, SOLD)      // that order was paid
            .build();

    private static final Transition<CarStatus> RESERVE = STATES.transition(AVAILABLE, RESERVED);
    private static final Transition<CarStatus> RELEASE = STATES.transition(RESERVED, AVAILABLE);
    private static final Transition<CarStatus> SELL = STATES.transition(RESERVED, SOLD);

    private final CarCatalog catalog;

    public CarLifecycle(CarCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Reserves the car in one store call, without reading it first.
     *
     * @return the car's price when this call reserved it; empty if it is unknown or was not AVAILABLE
     */
    public Mono<Money> reserve(CarId car) {
        return catalog.changeStatusReturningPrice(car, RESERVE.from(), RESERVE.to());
    }

    /** Frees the car of an order that this caller just expired. */
    public Mono<Void> release(CarId car) {
        return moveHeldCar(car, RELEASE);
    }

    /** Sells the car of an order that this caller just marked paid. */
    public Mono<Void> sell(CarId car) {
        return moveHeldCar(car, SELL);
    }

    /**
     * The car of a live order is RESERVED, so this move must win; if it does not, the stores
     * broke that invariant and the caller's transaction must roll back instead of committing.
     */
    private Mono<Void> moveHeldCar(CarId car, Transition<CarStatus> transition) {
        return transition.apply(car, catalog::changeStatus)
                .flatMap(won -> won ? Mono.<Void>empty() : Mono.error(() -> new IllegalStateException(
                        "invariant broken: car " + car + " of a live order is not " + transition.from())));
    }
}
