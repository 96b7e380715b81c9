package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.replica.ReadRouting;
import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.support.StatusTransition;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.SearchCriteria;
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
 * otherwise one round trip returns the page and the total (see {@link CarSearchStatements}).
 * A cached total due for refresh is counted again in the background ({@link SearchTotalCache}).
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
    private static final int CACHED_FILTER_COMBINATIONS = 4_096;
    private static final String FIND_BY_ID_SQL = "SELECT " + String.join(", ", CarRows.ALL_COLUMNS)
            + " FROM cars WHERE id = :id";

    private record RowWithTotal(CarSummary car, long total) {
    }

    private final ReadRouting reads;
    private final StoreCalls calls;
    private final StatusTransition statusTransition;
    private final SearchTotalCache totals;

    public R2dbcCarCatalog(DatabaseClient primary, ReadRouting reads, TimeSource timeSource, StoreCalls calls) {
        this.reads = reads;
        this.calls = calls;
        this.statusTransition = new StatusTransition(primary, calls, "cars", "car.change_status");
        this.totals = new SearchTotalCache(timeSource, TOTAL_REFRESH_AFTER, TOTAL_MAX_AGE, CACHED_FILTER_COMBINATIONS);
    }

    @Override
    public Mono<CarPage> search(SearchCriteria criteria) {
        // Deferred: the cache is consulted when the search runs, not when it is assembled.
        return calls.mono("car.search", Mono.defer(() -> {
            CarSearchStatements statements = CarSearchStatements.of(criteria);
            SearchFilters filters = SearchFilters.of(criteria);
            SearchTotalCache.Lookup cached = totals.lookup(filters);
            if (cached.refreshDue()) {
                refreshTotal(statements, filters);
            }
            OptionalLong cachedTotal = cached.total();
            return cachedTotal.isPresent()
                    ? pageOnly(statements).map(items -> carPage(criteria, items, cachedTotal.getAsLong()))
                    : pageWithTotal(statements, criteria, filters);
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

    /**
     * Detached from the search that found the total due: that search answers at once with the cached total,
     * and the recount, bounded by the store call timeout, outlives it.
     */
    private void refreshTotal(CarSearchStatements statements, SearchFilters filters) {
        Instant countedAt = totals.countStartsNow();
        calls.mono(TOTAL_REFRESH_QUERY, count(statements))
                .subscribe(total -> totals.put(filters, total, countedAt), failure -> totals.refreshFailed(filters));
    }

    private Mono<List<CarSummary>> pageOnly(CarSearchStatements statements) {
        return reads.read(client -> statements.pageValues().applyTo(client, statements.pageSql())
                .map(CarRows::summary)
                .all()
                .collectList());
    }

    private Mono<CarPage> pageWithTotal(CarSearchStatements statements, SearchCriteria criteria,
            SearchFilters filters) {
        Instant countedAt = totals.countStartsNow();
        return reads.read(client -> statements.pageValues().applyTo(client, statements.pageWithTotalSql())
                .map(row -> new RowWithTotal(CarRows.summary(row), row.get("total", Long.class)))
                .all()
                .collectList())
                .flatMap(rows -> totalOf(rows, statements, criteria)
                        .doOnNext(total -> totals.put(filters, total, countedAt))
                        .map(total -> carPage(criteria, rows.stream().map(RowWithTotal::car).toList(), total)));
    }

    /** The window total rides on every row; past the last page no row carries it, so count instead. */
    private Mono<Long> totalOf(List<RowWithTotal> rows, CarSearchStatements statements, SearchCriteria criteria) {
        if (!rows.isEmpty()) {
            return Mono.just(rows.get(0).total());
        }
        if (criteria.offset() == 0) {
            return Mono.just(0L);
        }
        return count(statements);
    }

    private Mono<Long> count(CarSearchStatements statements) {
        return reads.read(client -> statements.filterValues().applyTo(client, statements.countSql())
                .map(row -> row.get("total", Long.class))
                .one());
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
