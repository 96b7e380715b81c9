package dev.carmarket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.Engine;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.testing.TestCars;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What every {@link CarBulkLoader} guarantees. Subclass it with a fresh, empty store per test; the
 * catalog must read the same store. Loading a car id that is already stored is not part of the contract.
 */
@Timeout(30)
public abstract class CarBulkLoaderContract {

    protected abstract CarBulkLoader bulkLoader();

    /** A catalog over the same store, to read back what was loaded. */
    protected abstract CarCatalog catalog();

    @Test
    void anEmptyStoreCountsZero() {
        StepVerifier.create(bulkLoader().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void loadingNothingStoresNothing() {
        StepVerifier.create(bulkLoader().load(Flux.empty())).expectNext(0L).verifyComplete();
        StepVerifier.create(bulkLoader().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void loadedCarsAreStoredWithEveryField() {
        CarDetails electric = TestCars.car().status(CarStatus.RESERVED).fuelType(FuelType.ELECTRIC)
                .engine(new Engine(150, null)).thumbnailUrl(null).features(List.of()).build();
        CarDetails petrol = TestCars.car().price("7450.50")
                .features(List.of("Tow bar", "Alloy wheels", "Bluetooth", "Heated seats")).build();

        StepVerifier.create(bulkLoader().load(Flux.just(electric, petrol))).expectNext(2L).verifyComplete();

        StepVerifier.create(catalog().findById(electric.id())).expectNext(electric).verifyComplete();
        StepVerifier.create(catalog().findById(petrol.id())).expectNext(petrol).verifyComplete();
    }

    @Test
    void manyCarsLoadInBatchesAndAreAllCountedAndSearchable() {
        int cars = 2_503; // not a multiple of any plausible batch size
        Flux<CarDetails> incoming = Flux.range(0, cars).map(i -> TestCars.car()
                .status(i % 10 == 0 ? CarStatus.SOLD : CarStatus.AVAILABLE).build());

        StepVerifier.create(bulkLoader().load(incoming)).expectNext((long) cars).verifyComplete();

        StepVerifier.create(bulkLoader().count()).expectNext((long) cars).verifyComplete();
        long sold = IntStream.range(0, cars).filter(i -> i % 10 == 0).count();
        StepVerifier.create(catalog().search(SearchCriteria.defaults()))
                .assertNext(page -> assertThat(page.total()).isEqualTo(cars - sold))
                .verifyComplete();
    }

    @Test
    void countIncludesCarsOfEveryStatus() {
        StepVerifier.create(bulkLoader().load(Flux.just(TestCars.available(),
                        TestCars.car().status(CarStatus.RESERVED).build(), TestCars.car().status(CarStatus.SOLD).build())))
                .expectNext(3L).verifyComplete();

        StepVerifier.create(bulkLoader().count()).expectNext(3L).verifyComplete();
    }
}
