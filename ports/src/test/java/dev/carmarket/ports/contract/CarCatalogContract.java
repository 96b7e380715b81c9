package dev.carmarket.ports.contract;

import static dev.carmarket.ports.testing.TestCriteria.criteria;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.Engine;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.domain.car.Transmission;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestIds;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * What every {@link CarCatalog} guarantees. Subclass it with a fresh, empty store per test
 * (JUnit creates a test instance per method, so a field initializer or a {@code @BeforeEach} will do).
 */
@Timeout(30)
public abstract class CarCatalogContract extends ContractWithCars {

    /**
     * Ids whose order differs between PostgreSQL (unsigned bytes) and {@link UUID#compareTo} (signed
     * halves): A and B start below 0x80, C and D above, so the store order is A, B, C, D.
     */
    protected static final UUID ID_A = UUID.fromString("0a000000-0000-4000-8000-000000000000");
    protected static final UUID ID_B = UUID.fromString("5b000000-0000-4000-8000-000000000000");
    protected static final UUID ID_C = UUID.fromString("9c000000-0000-4000-8000-000000000000");
    protected static final UUID ID_D = UUID.fromString("ed000000-0000-4000-8000-000000000000");

    /** The store under test, empty at the start of each test but for what {@link #givenCars} added. */
    protected abstract CarCatalog catalog();

    /** Expects exactly these cars, in this order, on the page. */
    private void expectIds(SearchCriteria criteria, UUID... expected) {
        StepVerifier.create(catalog().search(criteria).map(page -> page.items().stream().map(car -> car.id().value()).toList()))
                .assertNext(ids -> assertThat(ids).containsExactly(expected))
                .verifyComplete();
    }

    // --- findById ---------------------------------------------------------------------------------

    @Test
    void findByIdReturnsEveryFieldOfTheCarInAnyStatus() {
        CarDetails electric = TestCars.car().id(ID_A).status(CarStatus.RESERVED).fuelType(FuelType.ELECTRIC)
                .engine(new Engine(150, null)).thumbnailUrl(null).price("41999.99")
                .features(List.of("Heat pump", "Panoramic roof", "Adaptive cruise control"))
                .images(List.of("https://img.example/1.jpg", "https://img.example/2.jpg", "https://img.example/3.jpg"))
                .build();
        CarDetails sold = TestCars.car().id(ID_B).status(CarStatus.SOLD).features(List.of()).images(List.of()).build();
        given(electric, sold);

        StepVerifier.create(catalog().findById(electric.id())).expectNext(electric).verifyComplete();
        StepVerifier.create(catalog().findById(sold.id())).expectNext(sold).verifyComplete();
    }

    @Test
    void findByIdOfAnUnknownCarIsEmpty() {
        given(TestCars.available());

        StepVerifier.create(catalog().findById(new CarId(TestIds.random()))).verifyComplete();
    }

    // --- search: status and filters --------------------------------------------------------------

    @Test
    void searchReturnsOnlyAvailableCars() {
        given(TestCars.car().id(ID_A).build(),
                TestCars.car().id(ID_B).status(CarStatus.RESERVED).build(),
                TestCars.car().id(ID_C).status(CarStatus.SOLD).build());

        StepVerifier.create(catalog().search(SearchCriteria.defaults()))
                .assertNext(page -> {
                    assertThat(page.items()).extracting(CarSummary::id).containsExactly(new CarId(ID_A));
                    assertThat(page.total()).isEqualTo(1);
                })
                .verifyComplete();
    }

    @Test
    void searchReturnsTheStoredSummary() {
        CarDetails car = TestCars.car().id(ID_A).title("2021 Skoda Octavia 2.0 TDI Style").make("Skoda")
                .model("Octavia").year(2021).price("23490.50").mileageKm(61_250).fuelType(FuelType.DIESEL)
                .transmission(Transmission.AUTOMATIC).bodyType(BodyType.ESTATE).location("Prague")
                .listedAt("2026-10-02T08:15:30Z").build();
        given(car);

        StepVerifier.create(catalog().search(SearchCriteria.defaults()))
                .assertNext(page -> assertThat(page.items()).containsExactly(car.summary()))
                .verifyComplete();
    }

    @Test
    void textQueryIsACaseInsensitiveSubstringOfTitleMakeOrModel() {
        given(TestCars.car().id(ID_A).make("Skoda").model("Octavia").title("2021 Skoda Octavia Sportline").build(),
                TestCars.car().id(ID_B).make("Volkswagen").model("Passat").title("2019 Passat Variant").build(),
                TestCars.car().id(ID_C).make("Opel").model("Golfino").title("2018 Opel Compact").build(),
                TestCars.car().id(ID_D).make("BMW").model("X1").title("2020 BMW X1 sDrive").build());

        expectIds(criteria(c -> c.q("SPORTL")), ID_A);   // title only
        expectIds(criteria(c -> c.q("wAgEn")), ID_B);    // make only
        expectIds(criteria(c -> c.q("golf")), ID_C);     // model only
        expectIds(criteria(c -> c.q("20")), ID_A, ID_B, ID_C, ID_D);
        expectIds(criteria(c -> c.q("Tesla")));
    }

    @Test
    void textQueryTreatsPatternCharactersLiterally() {
        given(TestCars.car().id(ID_A).title("2020 Fiat 500 50% off").build(),
                TestCars.car().id(ID_B).title("2020 Fiat 500 rare_edition").build(),
                TestCars.car().id(ID_C).title("2020 Fiat 500 Lounge\\Dolcevita").build(),
                TestCars.car().id(ID_D).title("2020 Fiat 500 plain").build());

        expectIds(criteria(c -> c.q("%")), ID_A);
        expectIds(criteria(c -> c.q("_")), ID_B);
        expectIds(criteria(c -> c.q("\\")), ID_C);
        expectIds(criteria(c -> c.q("5_0")));
    }

    @Test
    void makeAndModelMatchExactly() {
        given(TestCars.car().id(ID_A).make("BMW").model("3 Series").build(),
                TestCars.car().id(ID_B).make("BMW Alpina").model("B3").build(),
                TestCars.car().id(ID_C).make("BMW").model("3 Series Touring").build(),
                TestCars.car().id(ID_D).make("Audi").model("A4").build());

        expectIds(criteria(c -> c.make("BMW")), ID_A, ID_C);
        expectIds(criteria(c -> c.make("BMW").model("3 Series")), ID_A);
        expectIds(criteria(c -> c.model("B3")), ID_B);
        expectIds(criteria(c -> c.make("bmw")));
        expectIds(criteria(c -> c.make("BM")));
    }

    @Test
    void enumFiltersSelectTheirValueOnly() {
        given(TestCars.car().id(ID_A).fuelType(FuelType.DIESEL).transmission(Transmission.AUTOMATIC).bodyType(BodyType.SUV).build(),
                TestCars.car().id(ID_B).fuelType(FuelType.ELECTRIC).transmission(Transmission.AUTOMATIC)
                        .bodyType(BodyType.SEDAN).engine(new Engine(208, null)).build(),
                TestCars.car().id(ID_C).fuelType(FuelType.DIESEL).transmission(Transmission.MANUAL).bodyType(BodyType.ESTATE).build(),
                TestCars.car().id(ID_D).fuelType(FuelType.LPG).transmission(Transmission.MANUAL).bodyType(BodyType.SUV).build());

        expectIds(criteria(c -> c.fuelType(FuelType.DIESEL)), ID_A, ID_C);
        expectIds(criteria(c -> c.fuelType(FuelType.HYBRID)));
        expectIds(criteria(c -> c.transmission(Transmission.AUTOMATIC)), ID_A, ID_B);
        expectIds(criteria(c -> c.bodyType(BodyType.SUV)), ID_A, ID_D);
        expectIds(criteria(c -> c.fuelType(FuelType.DIESEL).transmission(Transmission.MANUAL).bodyType(BodyType.ESTATE)), ID_C);
    }

    @Test
    void yearBoundsAreInclusive() {
        given(TestCars.car().id(ID_A).year(2015).build(), TestCars.car().id(ID_B).year(2016).build(),
                TestCars.car().id(ID_C).year(2020).build(), TestCars.car().id(ID_D).year(2021).build());

        expectIds(criteria(c -> c.yearMin(2016).yearMax(2020)), ID_B, ID_C);
        expectIds(criteria(c -> c.yearMin(2021)), ID_D);
        expectIds(criteria(c -> c.yearMax(2015)), ID_A);
        expectIds(criteria(c -> c.yearMin(2020).yearMax(2020)), ID_C);
    }

    @Test
    void priceBoundsAreInclusiveToTheCent() {
        given(TestCars.car().id(ID_A).price("9999.99").build(), TestCars.car().id(ID_B).price("10000.00").build(),
                TestCars.car().id(ID_C).price("20000").build(), TestCars.car().id(ID_D).price("20000.01").build());

        expectIds(criteria(c -> c.priceMin("10000").priceMax("20000.00")), ID_B, ID_C);
        expectIds(criteria(c -> c.priceMin("9999.995")), ID_B, ID_C, ID_D);
        expectIds(criteria(c -> c.priceMax("9999.99")), ID_A);
        expectIds(criteria(c -> c.priceMin("0").priceMax("0")));
    }

    @Test
    void mileageMaxIsInclusive() {
        given(TestCars.car().id(ID_A).mileageKm(0).build(), TestCars.car().id(ID_B).mileageKm(49_999).build(),
                TestCars.car().id(ID_C).mileageKm(50_000).build(), TestCars.car().id(ID_D).mileageKm(50_001).build());

        expectIds(criteria(c -> c.mileageMax(50_000)), ID_A, ID_B, ID_C);
        expectIds(criteria(c -> c.mileageMax(0)), ID_A);
    }

    @Test
    void filtersCombineWithAnd() {
        given(TestCars.car().id(ID_A).make("Toyota").fuelType(FuelType.HYBRID).year(2021).price("25000").build(),
                TestCars.car().id(ID_B).make("Toyota").fuelType(FuelType.HYBRID).year(2016).price("15000").build(),
                TestCars.car().id(ID_C).make("Toyota").fuelType(FuelType.PETROL).year(2021).price("22000").build(),
                TestCars.car().id(ID_D).make("Lexus").fuelType(FuelType.HYBRID).year(2021).price("45000").build());

        expectIds(criteria(c -> c.make("Toyota").fuelType(FuelType.HYBRID).yearMin(2018).priceMax("30000")), ID_A);
    }

    // --- search: ordering -------------------------------------------------------------------------

    /** A and D tie on price; B and D tie on year, mileage and listing time; C is oldest and dearest. */
    private void givenCarsForOrdering() {
        given(TestCars.car().id(ID_A).price("15000").year(2018).mileageKm(60_000).listedAt("2026-11-01T10:00:00Z").build(),
                TestCars.car().id(ID_B).price("9000").year(2020).mileageKm(30_000).listedAt("2026-11-03T10:00:00Z").build(),
                TestCars.car().id(ID_C).price("22000").year(2015).mileageKm(120_000).listedAt("2026-10-20T10:00:00Z").build(),
                TestCars.car().id(ID_D).price("15000.00").year(2020).mileageKm(30_000).listedAt("2026-11-03T10:00:00Z").build(),
                // cheapest, newest and least driven, but not for sale
                TestCars.car().price("100").year(2026).mileageKm(0).listedAt("2026-11-25T10:00:00Z")
                        .status(CarStatus.RESERVED).build());
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                Arguments.of(SearchSort.NEWEST, List.of(ID_B, ID_D, ID_A, ID_C)),
                Arguments.of(SearchSort.PRICE_ASC, List.of(ID_B, ID_A, ID_D, ID_C)),
                Arguments.of(SearchSort.PRICE_DESC, List.of(ID_C, ID_A, ID_D, ID_B)),
                Arguments.of(SearchSort.YEAR_DESC, List.of(ID_B, ID_D, ID_A, ID_C)),
                Arguments.of(SearchSort.YEAR_ASC, List.of(ID_C, ID_A, ID_B, ID_D)),
                Arguments.of(SearchSort.MILEAGE_ASC, List.of(ID_B, ID_D, ID_A, ID_C)));
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void everySortOrdersByItsKeyThenByIdAscending(SearchSort sort, List<UUID> expected) {
        givenCarsForOrdering();

        expectIds(criteria(c -> c.sort(sort)), expected.toArray(UUID[]::new));
    }

    @ParameterizedTest
    @EnumSource(SearchSort.class)
    void carsEqualOnEverySortKeyComeInUnsignedIdOrder(SearchSort sort) {
        given(TestCars.car().id(ID_D).build(), TestCars.car().id(ID_B).build(),
                TestCars.car().id(ID_C).build(), TestCars.car().id(ID_A).build());

        expectIds(criteria(c -> c.sort(sort)), ID_A, ID_B, ID_C, ID_D);
    }

    // --- search: paging and totals ----------------------------------------------------------------

    @Test
    void pagesSliceTheOrderedMatchesAndEachCarriesTheTotal() {
        List<CarDetails> cars = IntStream.range(0, 5)
                .mapToObj(i -> TestCars.car().price(String.valueOf(10_000 + i * 1_000)).build()).toList();
        given(cars.toArray(CarDetails[]::new));
        List<CarId> byPrice = cars.stream().map(CarDetails::id).toList();

        expectPage(1, byPrice.subList(0, 2));
        expectPage(2, byPrice.subList(2, 4));
        expectPage(3, byPrice.subList(4, 5));
    }

    private void expectPage(int page, List<CarId> expected) {
        StepVerifier.create(catalog().search(criteria(c -> c.sort(SearchSort.PRICE_ASC).page(page).limit(2))))
                .assertNext(result -> {
                    assertThat(result.items()).extracting(CarSummary::id).containsExactlyElementsOf(expected);
                    assertThat(result.page()).isEqualTo(page);
                    assertThat(result.limit()).isEqualTo(2);
                    assertThat(result.total()).isEqualTo(5);
                    assertThat(result.totalPages()).isEqualTo(3);
                })
                .verifyComplete();
    }

    @Test
    void aPageBeyondTheLastIsEmptyButStillCountsTheMatches() {
        given(TestCars.available(), TestCars.available(), TestCars.available());

        StepVerifier.create(catalog().search(criteria(c -> c.page(2).limit(3))))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.total()).isEqualTo(3);
                })
                .verifyComplete();
    }

    @Test
    void theTotalCountsEveryMatchNotJustThePage() {
        given(TestCars.car().make("Audi").build(), TestCars.car().make("Audi").build(), TestCars.car().make("Audi").build(),
                TestCars.car().make("Audi").status(CarStatus.SOLD).build(), TestCars.car().make("Seat").build());

        StepVerifier.create(catalog().search(criteria(c -> c.make("Audi").limit(1))))
                .assertNext(page -> {
                    assertThat(page.items()).hasSize(1);
                    assertThat(page.total()).isEqualTo(3);
                })
                .verifyComplete();
    }

    @Test
    void anEmptyStoreGivesAnEmptyPage() {
        StepVerifier.create(catalog().search(SearchCriteria.defaults()))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.total()).isZero();
                    assertThat(page.totalPages()).isZero();
                })
                .verifyComplete();
    }

    // --- changeStatus -----------------------------------------------------------------------------

    @Test
    void changeStatusMovesTheCarWhenItIsInTheExpectedStatus() {
        CarDetails car = givenCar();

        StepVerifier.create(catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(true).verifyComplete();
        StepVerifier.create(catalog().findById(car.id())).expectNext(car.withStatus(CarStatus.RESERVED)).verifyComplete();
        expectIds(SearchCriteria.defaults());
    }

    @Test
    void changeStatusFromAnotherStatusChangesNothing() {
        CarDetails car = TestCars.car().status(CarStatus.SOLD).build();
        given(car);

        StepVerifier.create(catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(false).verifyComplete();
        StepVerifier.create(catalog().findById(car.id())).expectNext(car).verifyComplete();
    }

    @Test
    void changeStatusOfAnUnknownCarIsFalse() {
        StepVerifier.create(catalog().changeStatus(new CarId(TestIds.random()), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(false).verifyComplete();
    }

    @Test
    void changeStatusReturningPriceMovesTheCarAndAnswersItsStoredPrice() {
        CarDetails car = givenCar();

        StepVerifier.create(catalog().changeStatusReturningPrice(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(car.summary().price()).verifyComplete();
        StepVerifier.create(catalog().findById(car.id())).expectNext(car.withStatus(CarStatus.RESERVED)).verifyComplete();
    }

    @Test
    void changeStatusReturningPriceFromAnotherStatusIsEmptyAndChangesNothing() {
        CarDetails car = TestCars.car().status(CarStatus.SOLD).build();
        given(car);

        StepVerifier.create(catalog().changeStatusReturningPrice(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .verifyComplete();
        StepVerifier.create(catalog().findById(car.id())).expectNext(car).verifyComplete();
    }

    @Test
    void changeStatusReturningPriceOfAnUnknownCarIsEmpty() {
        StepVerifier.create(catalog().changeStatusReturningPrice(new CarId(TestIds.random()), CarStatus.AVAILABLE,
                        CarStatus.RESERVED))
                .verifyComplete();
    }

    @Test
    void ofConcurrentChangesReturningPriceExactlyOneWins() {
        CarDetails car = givenCar();

        StepVerifier.create(Concurrently.run(32, i -> catalog()
                        .changeStatusReturningPrice(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())))
                .assertNext(outcomes -> {
                    assertThat(outcomes).hasSize(32).filteredOn(Optional.empty()::equals).hasSize(31);
                    assertThat(outcomes).contains(Optional.of(car.summary().price()));
                })
                .verifyComplete();
    }

    @Test
    void ofConcurrentChangesFromTheSameStatusExactlyOneWins() {
        CarDetails car = givenCar();

        StepVerifier.create(Concurrently.run(32, i -> catalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)))
                .assertNext(outcomes -> {
                    assertThat(outcomes).hasSize(32).containsOnly(true, false);
                    assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
                })
                .verifyComplete();
        StepVerifier.create(catalog().findById(car.id()).map(found -> found.summary().status()))
                .expectNext(CarStatus.RESERVED).verifyComplete();
    }

    @Test
    void concurrentChangesOfDifferentCarsAllSucceed() {
        List<CarDetails> cars = IntStream.range(0, 64).mapToObj(i -> TestCars.available()).toList();
        given(cars.toArray(CarDetails[]::new));

        StepVerifier.create(Concurrently.run(64, i -> catalog().changeStatus(cars.get(i).id(), CarStatus.AVAILABLE, CarStatus.SOLD)))
                .assertNext(outcomes -> assertThat(outcomes).hasSize(64).containsOnly(true))
                .verifyComplete();
        StepVerifier.create(catalog().search(SearchCriteria.defaults()).map(CarPage::total)).expectNext(0L).verifyComplete();
    }
}
