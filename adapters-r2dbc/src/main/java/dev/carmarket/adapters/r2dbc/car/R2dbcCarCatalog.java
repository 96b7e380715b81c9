package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.replica.ReadRouting;
import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.support.StatusTransition;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link CarCatalog} on PostgreSQL. A search whose total is cached runs only the page query;
 * otherwise the page and the count of its filters run side by side, the count shared with every
 * search of the same filters meanwhile ({@link SearchTotalCounts}). A cached total due for refresh is
 * counted again in the background ({@link SearchTotalCache}).
 * Searches, details and recounts may be a few seconds stale, so they go through {@link ReadRouting}
 * (a replica when one is usable); the status change that reserves or sells a car stays on the primary.
 */
public final class R2dbcCarCatalog implements CarCatalog {

    /** The contract lets {@code pagination.total} lag the database by at most 5 seconds. */
    static final Duration TOTAL_MAX_AGE = Duration.ofSeconds(5);
    /** A second for the background recount to finish before the total would expire. */
    static final Duration TOTAL_REFRESH_AFTER = Duration.ofSeconds(4);
    /** The background recount of a cached total, reported to the {@code QueryObserver} under this name. */
    public static final String TOTAL_REFRESH_QUERY = "car.search_total";
    /** Several broad totals recounted in one pass ({@link SearchTotalCounts}). */
    public static final String TOTAL_BATCH_REFRESH_QUERY = "car.search_totals";
    private static final int CACHED_FILTER_COMBINATIONS = 4_096;
    private static final String FIND_BY_ID_SQL = "SELECT " + String.join(", ", CarRows.ALL_COLUMNS)
            + " FROM cars WHERE id = :id";

    private final ReadRouting reads;
    private final StoreCalls calls;
    private final StatusTransition statusTransition;
    private final StatusTransition.Returning<Money> statusTransitionForPrice;
    private final SearchTotalCache totals;
    private final SearchTotalCounts counts;

    public R2dbcCarCatalog(DatabaseClient primary, ReadRouting reads, TimeSource timeSource, StoreCalls calls) {
        this.reads = reads;
        this.calls = calls;
        this.statusTransition = new StatusTransition(primary, calls, "cars", "car.change_status");
        this.statusTransitionForPrice = statusTransition.returning(CarRows.PRICE_COLUMNS, CarRows::price);
        this.totals = new SearchTotalCache(timeSource, TOTAL_REFRESH_AFTER, TOTAL_MAX_AGE, CACHED_FILTER_COMBINATIONS);
        this.counts = new SearchTotalCounts(reads, calls, totals);
    }

    @Override
    public Mono<CarPage> search(SearchCriteria criteria) {
        // Deferred: the cache is consulted when the search runs, not when it is assembled.
        return calls.mono("car.search", Mono.defer(() -> {
            CarSearchStatements statements = CarSearchStatements.of(criteria);
            CarFilters filters = criteria.filters();
            SearchTotalCache.Lookup cached = totals.lookup(filters);
            OptionalLong cachedTotal = cached.total();
            if (cached.refreshDue()) {
                // Detached: this search answers at once with the cached total, and the recount outlives it.
                counts.recount(filters, statements, cachedTotal.getAsLong());
            }
            Mono<Long> total = cachedTotal.isPresent() ? Mono.just(cachedTotal.getAsLong())
                    : counts.count(filters, statements);
            return Mono.zip(page(statements), total, (items, matches) -> carPage(criteria, items, matches));
        }));
    }

    @Override
    public Mono<CarDetails> findById(CarId id) {
        return calls.mono("car.find_by_id", reads.read(client -> client.sql(FIND_BY_ID_SQL)
                .bind("id", id.value())
                .map(CarRows::details)
                .one()));
    }

    @Override
    public Mono<Boolean> changeStatus(CarId id, CarStatus expected, CarStatus next) {
        return statusTransition.change(id.value(), expected, next);
    }

    @Override
    public Mono<Money> changeStatusReturningPrice(CarId id, CarStatus expected, CarStatus next) {
        return statusTransitionForPrice.change(id.value(), expected, next);
    }

    /** The page alone: its narrow index walk stops after offset + limit rows, however many match. */
    private Mono<List<CarSummary>> page(CarSearchStatements statements) {
        return reads.read(client -> statements.pageValues().applyTo(client, statements.pageSql())
                .map(CarRows::summary)
                .all()
                .collectList());
    }

    /**
     * A partly filled page, or an empty first page, proves the exact total (as of its query),
     * which beats a cached one; otherwise the page only proves a lower bound, which
     * {@link CarPage} enforces.
     */
    private static CarPage carPage(SearchCriteria criteria, List<CarSummary> items, long total) {
        boolean provesExactTotal = items.size() < criteria.limit() && (!items.isEmpty() || criteria.offset() == 0);
        long consistentTotal = provesExactTotal ? criteria.offset() + items.size() : total;
        return new CarPage(items, criteria.page(), criteria.limit(), consistentTotal);
    }
}
