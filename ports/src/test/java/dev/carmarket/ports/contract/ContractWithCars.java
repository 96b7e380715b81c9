package dev.carmarket.ports.contract;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.testing.TestCars;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Base of the contracts whose tests first put cars into the store under test (orders and payments refer to cars). */
public abstract class ContractWithCars {

    /** Puts the cars into the store under test, as they are (any status). */
    protected abstract Mono<Void> givenCars(List<CarDetails> cars);

    protected final void given(CarDetails... cars) {
        StepVerifier.create(givenCars(List.of(cars))).verifyComplete();
    }

    /** A stored AVAILABLE car. */
    protected final CarDetails givenCar() {
        CarDetails car = TestCars.available();
        given(car);
        return car;
    }
}
