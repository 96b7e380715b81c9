package dev.carmarket.adapters.r2dbc.car;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener;
import dev.carmarket.adapters.r2dbc.replica.ReplicaSettings;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * Large totals due together are counted again in one statement, small ones alone, and each gets its own
 * exact count.
 */
class SearchTotalCountsTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int LARGE = (int) SearchTotalCounts.ALONE_BELOW;

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-12-06T12:00:00Z"));
    private final Queue<String> backgroundQueries = new ConcurrentLinkedQueue<>();
    private R2dbcPersistence persistence;

    @BeforeEach
    void store() {
        persistence = R2dbcPersistence.create(DATABASE.settings(), PoolSettings.defaults(), ReplicaSettings.NONE, time,
                (query, elapsed, failure) -> {
                    if (query.startsWith("car.search_total")) {
                        backgroundQueries.add(query + (failure == null ? "" : " failed"));
                    }
                }, ReadRoutingListener.NONE);
        DATABASE.truncateAll(persistence);
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Test
    void large_totals_due_together_share_one_count_and_small_ones_are_counted_alone() throws InterruptedException {
        cars(LARGE, FuelType.PETROL);
        cars(10, FuelType.HYBRID);
        List<SearchCriteria> large = List.of(criteria(null, SearchSort.NEWEST), criteria(FuelType.PETROL, SearchSort.NEWEST),
                new SearchCriteria(CarFilters.NONE, SearchSort.PRICE_ASC, 2, 10));
        SearchCriteria small = criteria(FuelType.HYBRID, SearchSort.NEWEST);
        assertThat(totals(large)).containsExactly(LARGE + 10L, (long) LARGE, LARGE + 10L);
        assertThat(total(small)).isEqualTo(10);

        cars(3, FuelType.PETROL);
        cars(2, FuelType.HYBRID);
        time.advance(R2dbcCarCatalog.TOTAL_REFRESH_AFTER);
        // Due: these answer with the cached totals and start the recounts.
        assertThat(totals(large)).containsExactly(LARGE + 10L, (long) LARGE, LARGE + 10L);
        assertThat(total(small)).isEqualTo(10);

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!renewed(large, small) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(totals(large)).containsExactly(LARGE + 15L, LARGE + 3L, LARGE + 15L);
        assertThat(total(small)).isEqualTo(12);
        // The first two filter combinations are large (the third shares the first's): one pooled statement.
        assertThat(backgroundQueries).containsExactlyInAnyOrder(R2dbcCarCatalog.TOTAL_BATCH_REFRESH_QUERY,
                R2dbcCarCatalog.TOTAL_REFRESH_QUERY);
    }

    private boolean renewed(List<SearchCriteria> large, SearchCriteria small) {
        return totals(large).equals(List.of(LARGE + 15L, LARGE + 3L, LARGE + 15L)) && total(small) == 12;
    }

    private List<Long> totals(List<SearchCriteria> searches) {
        return searches.stream().map(this::total).toList();
    }

    private long total(SearchCriteria criteria) {
        return persistence.ports().carCatalog().search(criteria).block(TIMEOUT).total();
    }

    private void cars(int count, FuelType fuel) {
        persistence.carBulkLoader().load(Flux.fromStream(IntStream.range(0, count)
                .mapToObj(i -> TestCars.car().fuelType(fuel).build()))).block(TIMEOUT);
    }

    private static SearchCriteria criteria(FuelType fuel, SearchSort sort) {
        return new SearchCriteria(new CarFilters(null, null, null, fuel, null, null, null, null, null, null, null), sort,
                1, 10);
    }
}
