package dev.carmarket.adapters.r2dbc.car;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Beyond the port contracts: the search total cache and its limits, and duplicate ids on load. */
class R2dbcCarCatalogTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final ManualTimeSource time = new ManualTimeSource(START);
    private R2dbcPersistence persistence;
    private CarCatalog catalog;

    @BeforeEach
    void emptyStore() {
        persistence = DATABASE.persistence(time);
        DATABASE.truncateAll(persistence);
        catalog = persistence.ports().carCatalog();
    }

    @Test
    void cachesTheTotalPerFilterCombinationForAtMostFiveSeconds() {
        givenAvailableGolfs(50);
        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isEqualTo(50);

        givenAvailableGolfs(1);
        time.advance(Duration.ofSeconds(4));
        // Another sort and page of the same filters reuses the cached total...
        assertThat(total(criteria(null, SearchSort.PRICE_DESC, 2))).isEqualTo(50);
        // ...other filters count afresh...
        assertThat(total(criteria("golf", SearchSort.PRICE_DESC, 2))).isEqualTo(51);
        // ...and a total 5 seconds old is counted again.
        time.advance(Duration.ofSeconds(1));
        assertThat(total(criteria(null, SearchSort.PRICE_DESC, 2))).isEqualTo(51);
    }

    @Test
    void countsATotalAgainInTheBackgroundBeforeItExpires() {
        givenAvailableGolfs(20);
        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isEqualTo(20);
        givenAvailableGolfs(1);

        time.advance(R2dbcCarCatalog.TOTAL_REFRESH_AFTER);
        // Due for refresh: this search still answers with the cached total at once...
        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isEqualTo(20);
        // ...and the recount it started renews the total while the old one would still be valid.
        assertThat(Mono.fromCallable(() -> total(criteria(null, SearchSort.PRICE_DESC, 1)))
                .filter(total -> total == 21)
                .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .block(TIMEOUT)).isEqualTo(21);
        assertThat(time.now()).isBefore(START.plus(R2dbcCarCatalog.TOTAL_MAX_AGE));
    }

    @Test
    void aPartlyFilledPageProvesTheExactTotalEvenWithACachedOne() {
        givenAvailableGolfs(25);
        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isEqualTo(25);
        persistence.databaseClient().sql("UPDATE cars SET status = 'SOLD' WHERE id IN (SELECT id FROM cars LIMIT 10)")
                .then().block(TIMEOUT);

        assertThat(total(criteria(null, SearchSort.NEWEST, 2))).isEqualTo(15);
    }

    @Test
    void anEmptyFirstPageProvesThereIsNothingEvenWithACachedTotal() {
        givenAvailableGolfs(3);
        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isEqualTo(3);
        persistence.databaseClient().sql("UPDATE cars SET status = 'RESERVED'").then().block(TIMEOUT);

        assertThat(total(criteria(null, SearchSort.NEWEST, 1))).isZero();
    }

    @Test
    void bulkLoadSkipsIdsAlreadyStoredAndCountsOnlyNewCars() {
        CarDetails sold = TestCars.car().status(CarStatus.SOLD).build();
        persistence.carBulkLoader().load(Flux.just(sold)).block(TIMEOUT);

        Long stored = persistence.carBulkLoader().load(Flux.just(sold.withStatus(CarStatus.AVAILABLE),
                TestCars.available())).block(TIMEOUT);

        assertThat(stored).isEqualTo(1);
        assertThat(persistence.carBulkLoader().count().block(TIMEOUT)).isEqualTo(2);
        assertThat(catalog.findById(sold.id()).block(TIMEOUT)).isEqualTo(sold);
    }

    private void givenAvailableGolfs(int count) {
        persistence.carBulkLoader().load(Flux.fromStream(IntStream.range(0, count).mapToObj(i -> TestCars.available())))
                .block(TIMEOUT);
    }

    private long total(SearchCriteria criteria) {
        return catalog.search(criteria).block(TIMEOUT).total();
    }

    private static SearchCriteria criteria(String q, SearchSort sort, int page) {
        return new SearchCriteria(new CarFilters(q, null, null, null, null, null, null, null, null, null, null), sort,
                page, 10);
    }
}
