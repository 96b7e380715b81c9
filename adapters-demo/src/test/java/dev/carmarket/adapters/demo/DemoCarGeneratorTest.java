package dev.carmarket.adapters.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.FuelType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DemoCarGeneratorTest {

    private static final int SAMPLE = 5_000;
    private static final List<CarDetails> CARS = new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(SAMPLE).toList();

    private static double share(Predicate<CarDetails> condition) {
        return CARS.stream().filter(condition).count() / (double) CARS.size();
    }

    private static double average(Predicate<CarSummary> which, ToDoubleFunction<CarSummary> value) {
        return CARS.stream().map(CarDetails::summary).filter(which).mapToDouble(value).average().orElseThrow();
    }

    private static int age(CarSummary car) {
        return 2026 - car.year();
    }

    @Test
    void theSameSeedGivesTheSameCars() {
        List<CarDetails> again = new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(SAMPLE).toList();

        assertThat(again).isEqualTo(CARS);
    }

    @Test
    void anotherSeedGivesOtherCars() {
        List<CarDetails> other = new DemoCarGenerator(42).stream(100).toList();

        assertThat(other).doesNotContainAnyElementsOf(CARS.subList(0, 100));
    }

    @Test
    void aShorterRunIsAPrefixOfALongerOneAndTheFluxMatchesTheStream() {
        StepVerifier.create(new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).cars(50).collectList())
                .expectNext(CARS.subList(0, 50))
                .verifyComplete();
    }

    @Test
    void aBenchmarkSizedRunIsProducedOnDemand() {
        // 100 000 valid cars, counted as they stream by rather than collected
        StepVerifier.create(new DemoCarGenerator(7).cars(DemoCarGenerator.BENCHMARK_SIZE).count())
                .expectNext((long) DemoCarGenerator.BENCHMARK_SIZE)
                .verifyComplete();
    }

    @Test
    void idsAreUniqueVersion4Uuids() {
        assertThat(CARS).extracting(car -> car.id().value()).doesNotHaveDuplicates()
                .allSatisfy(id -> {
                    assertThat(id.version()).isEqualTo(4);
                    assertThat(id.variant()).isEqualTo(2);
                });
    }

    @Test
    void aboutEightyFivePercentAreAvailableAndTheRestReservedOrSold() {
        assertThat(share(car -> car.summary().status() == CarStatus.AVAILABLE)).isBetween(0.82, 0.88);
        assertThat(share(car -> car.summary().status() == CarStatus.RESERVED)).isBetween(0.07, 0.13);
        assertThat(share(car -> car.summary().status() == CarStatus.SOLD)).isBetween(0.03, 0.07);
    }

    @Test
    void modelYearsSpan2010To2026SkewedToRecentOnes() {
        assertThat(CARS).allSatisfy(car -> assertThat(car.summary().year()).isBetween(2010, 2026));
        assertThat(CARS).extracting(car -> car.summary().year()).contains(2010, 2026);
        assertThat(share(car -> car.summary().year() >= 2019)).isGreaterThan(0.55);
    }

    @Test
    void noCarIsOlderThanItsModel() {
        // launch years of a few models, written down independently of the generator's table
        Map<String, Integer> launched = Map.of("ID.4", 2021, "Model Y", 2021, "EV6", 2021, "Enyaq", 2021,
                "ID.3", 2020, "Formentor", 2020, "Kodiaq", 2017);
        assertThat(CARS).filteredOn(car -> launched.containsKey(car.summary().model()))
                .isNotEmpty()
                .allSatisfy(car -> assertThat(car.summary().year())
                        .as(car.summary().title())
                        .isGreaterThanOrEqualTo(launched.get(car.summary().model())));
    }

    @Test
    void pricesAreEurosWithTwoDecimalsAndFallWithAge() {
        assertThat(CARS).allSatisfy(car -> {
            assertThat(car.summary().price().currency()).isEqualTo("EUR");
            assertThat(car.summary().price().amount().scale()).isEqualTo(2);
            assertThat(car.summary().price().amount().signum()).isPositive();
        });
        double young = average(car -> age(car) <= 2, car -> car.price().amount().doubleValue());
        double old = average(car -> age(car) >= 10, car -> car.price().amount().doubleValue());
        assertThat(young).isGreaterThan(3 * old);
    }

    @Test
    void mileageGrowsWithAge() {
        double young = average(car -> age(car) <= 2, CarSummary::mileageKm);
        double old = average(car -> age(car) >= 10, CarSummary::mileageKm);

        assertThat(old).isGreaterThan(4 * young).isBetween(100_000.0, 250_000.0);
    }

    @Test
    void theMarketHasFiftyToSixtyFiveModelsWithPlausibleBodiesAndFuels() {
        assertThat(CARS.stream().map(car -> car.summary().make() + " " + car.summary().model()).distinct().count())
                .isBetween(50L, 65L);
        assertThat(CARS).filteredOn(car -> car.summary().make().equals("Tesla"))
                .isNotEmpty().allSatisfy(car -> assertThat(car.summary().fuelType()).isEqualTo(FuelType.ELECTRIC));
        assertThat(CARS).filteredOn(car -> car.summary().model().equals("Octavia"))
                .isNotEmpty().allSatisfy(car -> assertThat(car.summary().bodyType()).isEqualTo(BodyType.ESTATE));
        assertThat(CARS).filteredOn(car -> car.summary().model().equals("Corolla"))
                .extracting(car -> car.summary().fuelType()).contains(FuelType.HYBRID).doesNotContain(FuelType.DIESEL);
        assertThat(CARS).extracting(car -> car.summary().make()).contains("Volkswagen", "BMW", "Mercedes-Benz", "Skoda");
    }

    @Test
    void electricCarsAloneHaveNoDisplacement() {
        assertThat(CARS).allSatisfy(car -> assertThat(car.engine().displacementCc() == null)
                .isEqualTo(car.summary().fuelType() == FuelType.ELECTRIC));
        assertThat(CARS).filteredOn(car -> car.engine().displacementCc() != null)
                .allSatisfy(car -> assertThat(car.engine().displacementCc()).isBetween(900, 5_000));
    }

    @Test
    void carsAreSpreadOverTwentyFourCitiesWhereTheirSellersAre() {
        assertThat(CARS.stream().map(car -> car.summary().location()).collect(Collectors.toSet())).hasSize(24);
        assertThat(CARS).allSatisfy(car -> assertThat(car.seller().city()).isEqualTo(car.summary().location()));
    }

    @Test
    void listingsSpreadOverTheYearBefore26November2026() {
        Instant end = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(CARS).allSatisfy(car -> assertThat(car.summary().listedAt())
                .isAfter(end.minusSeconds(365L * 24 * 3600)).isBeforeOrEqualTo(end));
        assertThat(share(car -> car.summary().listedAt().isBefore(Instant.parse("2026-05-26T00:00:00Z"))))
                .isBetween(0.4, 0.6);
    }

    @Test
    void everyCarHasFullDetails() {
        assertThat(CARS).allSatisfy(car -> {
            CarSummary summary = car.summary();
            assertThat(summary.title()).startsWith(summary.year() + " " + summary.make() + " " + summary.model());
            assertThat(car.description()).startsWith(summary.title()).contains("km");
            assertThat(car.color()).isNotBlank();
            assertThat(car.doors()).isBetween(2, 5);
            assertThat(car.seats()).isBetween(4, 8);
            assertThat(car.images()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("https://"));
            assertThat(summary.thumbnailUrl()).startsWith("https://");
            assertThat(car.seller().name()).isNotBlank();
        });
        assertThat(share(car -> car.features().size() >= 3)).isGreaterThan(0.8);
    }
}
