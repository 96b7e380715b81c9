package dev.carmarket.adapters.r2dbc.car;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.SeededCars;
import dev.carmarket.adapters.r2dbc.testing.TestDatabase;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.domain.car.SearchSort;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main search shapes on 100 000 cars, in a database of their own: the plans use the indexes
 * (never a sequential scan of cars), and a small benchmark prints latencies (no timing asserted:
 * the machine is shared).
 */
class SearchAt100kTest {

    private static final int CARS = 100_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final SearchCriteria YEAR_RANGE_BY_MILEAGE = new SearchCriteria(new CarFilters(null, null, null,
            null, null, null, 2018, 2022, null, null, null), SearchSort.MILEAGE_ASC, 1, 20);

    private static TestDatabase database;
    private static R2dbcPersistence persistence;

    @BeforeAll
    static void seed() {
        database = TestDatabase.createMigrated("search");
        // Seeding 100 000 cars is batch work: the serving bound of one call (seconds) is not meant for it.
        persistence = R2dbcPersistence.create(database.settings(), PoolSettings.defaults().forBatchCommands(),
                new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z")), QueryObserver.NONE);
        long started = System.nanoTime();
        Long stored = persistence.carBulkLoader().load(SeededCars.generate(CARS, 20261126)).block(TIMEOUT);
        System.out.printf("bulk load: %d cars in %d ms%n", stored, (System.nanoTime() - started) / 1_000_000);
        assertThat(stored).isEqualTo(CARS);
    }

    @AfterAll
    static void drop() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
    }

    static Stream<Arguments> mainShapes() {
        return Stream.of(
                Arguments.of("no filter, newest", criteria(null, null, null, null, null, SearchSort.NEWEST)),
                Arguments.of("make, price_asc", criteria(null, "BMW", null, null, null, SearchSort.PRICE_ASC)),
                Arguments.of("price range, year_desc",
                        criteria(null, null, null, new BigDecimal("15000"), new BigDecimal("20000"), SearchSort.YEAR_DESC)),
                Arguments.of("q text, newest", criteria("golf", null, null, null, null, SearchSort.NEWEST)),
                Arguments.of("make + model + fuel, mileage_asc",
                        criteria(null, "Volkswagen", "Golf", null, null, SearchSort.MILEAGE_ASC)),
                Arguments.of("year range, mileage_asc", YEAR_RANGE_BY_MILEAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainShapes")
    void usesIndexesAndNeverScansTheCarsTableSequentially(String shape, SearchCriteria criteria) {
        CarSearchStatements statements = CarSearchStatements.of(criteria);

        List<String> plans = new ArrayList<>(List.of(explain(statements.pageValues(), statements.pageSql())));
        if (!criteria.filters().equals(CarFilters.NONE)) {
            // Counting every available car reads most of the table: a sequential scan is a fair plan for that one.
            plans.add(explain(statements.filterValues(), statements.countSql()));
        }
        for (String plan : plans) {
            assertThat(plan).as(shape + "\n" + plan).doesNotContain("Seq Scan on cars")
                    .containsAnyOf("Index Scan", "Index Only Scan", "Bitmap Index Scan");
        }
    }

    @Test
    void aFilterThatCorrelatesWithTheSortKeyIsCheckedInTheIndexNotInTheTable() {
        // Low mileage comes with recent years: the walk along mileage skips most cars before 2018-2022 ones.
        persistence.databaseClient().sql("VACUUM ANALYZE cars").then().block(TIMEOUT);
        CarSearchStatements statements = CarSearchStatements.of(YEAR_RANGE_BY_MILEAGE);

        assertThat(explain(statements.pageValues(), statements.pageSql()))
                .contains("Index Only Scan using cars_available_mileage_idx");
    }

    @Test
    void qUsesTheTrigramIndexes() {
        CarSearchStatements statements = CarSearchStatements.of(criteria("passat", null, null, null, null,
                SearchSort.PRICE_ASC));

        assertThat(explain(statements.filterValues(), statements.countSql()))
                .contains("cars_title_trgm_idx", "cars_make_trgm_idx", "cars_model_trgm_idx");
        // The page finds its matches the same way, instead of walking the price order and reading each title.
        assertThat(explain(statements.pageValues(), statements.pageSql()))
                .contains("cars_title_trgm_idx", "cars_make_trgm_idx", "cars_model_trgm_idx");
    }

    @Test
    void printsMedianAndP99OfTheMainShapes() {
        CarCatalog catalog = persistence.ports().carCatalog();
        mainShapes().forEach(arguments -> {
            String shape = (String) arguments.get()[0];
            SearchCriteria criteria = (SearchCriteria) arguments.get()[1];
            CarSearchStatements statements = CarSearchStatements.of(criteria);
            long[] count = time(20, () -> run(statements.filterValues(), statements.countSql()));
            long[] pageOnly = time(20, () -> run(statements.pageValues(), statements.pageSql()));
            long total = catalog.search(criteria).block(TIMEOUT).total();
            System.out.printf("search %-34s total=%6d  count: median %5.1f ms p99 %5.1f ms"
                    + "  page: median %5.1f ms p99 %5.1f ms%n", shape, total,
                    percentile(count, 50), percentile(count, 99), percentile(pageOnly, 50),
                    percentile(pageOnly, 99));
            assertThat(total).isPositive();
        });
    }

    private static String explain(Binder values, String sql) {
        return String.join("\n", values.applyTo(persistence.databaseClient(), "EXPLAIN " + sql)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block(TIMEOUT));
    }

    private static void run(Binder values, String sql) {
        values.applyTo(persistence.databaseClient(), sql).fetch().all().then().block(TIMEOUT);
    }

    private static long[] time(int runs, Runnable query) {
        query.run(); // warm-up: connection, prepared statement, buffers
        List<Long> nanos = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            query.run();
            nanos.add(System.nanoTime() - started);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentile(long[] sortedNanos, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1_000_000.0;
    }

    private static SearchCriteria criteria(String q, String make, String model, BigDecimal priceMin,
            BigDecimal priceMax, SearchSort sort) {
        FuelType fuel = model == null ? null : FuelType.PETROL;
        return new SearchCriteria(new CarFilters(q, make, model, fuel, null, null, null, null, priceMin, priceMax, null),
                sort, 1, 20);
    }
}
