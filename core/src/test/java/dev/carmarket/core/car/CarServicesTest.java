package dev.carmarket.core.car;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CarServicesTest {

    private final TestMarket market = TestMarket.create();

    @Test
    void searchFindsOnlyCarsThatCanStillBeOrdered() {
        CarDetails reserved = market.listCar();
        CarDetails available = market.listCar();
        market.list(TestCars.car().status(CarStatus.SOLD).build());
        market.placeOrder(reserved);

        StepVerifier.create(market.core().searchCars().search(SearchCriteria.defaults()))
                .assertNext(page -> {
                    assertThat(page.items()).extracting(CarSummary::id).containsExactly(available.id());
                    assertThat(page.total()).isEqualTo(1);
                })
                .verifyComplete();
    }

    @Test
    void detailsShowACarInAnyStatus() {
        CarDetails car = market.listCar();
        market.placeOrder(car);

        StepVerifier.create(market.core().getCarDetails().getCarDetails(car.id()))
                .expectNext(car.withStatus(CarStatus.RESERVED))
                .verifyComplete();
    }

    @Test
    void detailsFailForAnUnknownCar() {
        assertFailsWith(market.core().getCarDetails().getCarDetails(TestCars.available().id()),
                DomainError.CAR_NOT_FOUND);
    }
}
