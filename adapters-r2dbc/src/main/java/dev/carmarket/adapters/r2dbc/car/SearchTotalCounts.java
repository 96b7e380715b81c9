package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.replica.ReadRouting;
import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.domain.car.CarFilters;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;

/**
 * Counts search totals into the {@link SearchTotalCache}. A search that finds no cached total waits for
 * {@link #count}, which concurrent searches of the same filters share: at 1 000 000 cars a broad count
 * takes most of a second, and a count per request of a popular filter would pile up until each
 * finished too late to be cached at all.
 *
 * <p>The background recounts keep cached totals fresh. A count through an index costs about as much
 * as the cars it matches, so a total below {@value #ALONE_BELOW}, or one with free text (matched
 * through its trigram indexes), is counted again on its own. A larger one is pooled with the others
 * due: one statement counts up to {@value #MAX_PER_BATCH} of them as {@code count(*) FILTER (WHERE ...)}
 * in one index-only pass over the available cars (the sort indexes hold every other filtered column),
 * which costs about one scan however many totals it holds. At 1 000 000 cars a broad total takes 0.2-1.2 s to count on its own, and
 * the 20 filter combinations of the benchmark mix, each renewed every 4 seconds, took more than both
 * cores; pooled, they take one scan per round (docs/performance.md, "Catalogue size").
 *
 * <p>A round starts {@link #GATHER} after the first large total falls due, so that those due together
 * share a statement. One pooled statement runs at a time; totals that fall due meanwhile wait for the
 * next, which starts when it ends. Critical sections are small map operations.
 */
final class SearchTotalCounts {

    static final long ALONE_BELOW = 20_000;
    static final int MAX_PER_BATCH = 32;
    static final Duration GATHER = Duration.ofMillis(200);

    private final ReadRouting reads;
    private final StoreCalls calls;
    private final SearchTotalCache totals;
    private final Set<CarFilters> pending = new LinkedHashSet<>();
    private final Map<CarFilters, Mono<Long>> inFlight = new ConcurrentHashMap<>();
    private boolean batchRunning;

    SearchTotalCounts(ReadRouting reads, StoreCalls calls, SearchTotalCache totals) {
        this.reads = reads;
        this.calls = calls;
        this.totals = totals;
    }

    /** Counts {@code filters} again in the background; {@code previousTotal} says how it is best counted. */
    void recount(CarFilters filters, CarSearchStatements statements, long previousTotal) {
        // Free text is matched through its trigram indexes, which a pass over the sort index cannot use.
        if (previousTotal < ALONE_BELOW || filters.q() != null) {
            countAlone(filters, statements);
            return;
        }
        synchronized (pending) {
            pending.add(filters);
            if (batchRunning) {
                return;
            }
            batchRunning = true;
        }
        // Totals fall due a second before they expire: waiting a moment lets those due together share the scan.
        Mono.delay(GATHER).subscribe(tick -> countPending());
    }

    /**
     * The total of {@code filters}, counted now and cached; searches that ask while it is being counted
     * share the count. Runs to the end even when the search that started it is cancelled.
     */
    Mono<Long> count(CarFilters filters, CarSearchStatements statements) {
        return inFlight.computeIfAbsent(filters, key -> {
            Instant countedAt = totals.countStartsNow();
            return reads.read(client -> statements.filterValues().applyTo(client, statements.countSql())
                            .map(row -> row.get("total", Long.class))
                            .one())
                    .doOnNext(total -> totals.put(key, total, countedAt))
                    .doFinally(signal -> inFlight.remove(key))
                    .cache();
        });
    }

    private void countAlone(CarFilters filters, CarSearchStatements statements) {
        calls.mono(R2dbcCarCatalog.TOTAL_REFRESH_QUERY, count(filters, statements))
                .subscribe(total -> { }, failure -> totals.refreshFailed(filters));
    }

    private void countPending() {
        List<CarFilters> keys = takeBatch();
        if (keys.isEmpty()) {
            return;
        }
        // Each total's bind names get their own prefix: the conditions share one statement.
        List<FilterConditions> conditions = IntStream.range(0, keys.size())
                .mapToObj(index -> FilterConditions.of(keys.get(index), "f" + index + "_"))
                .toList();
        Binder values = new Binder();
        conditions.forEach(condition -> values.bindAll(condition.values()));
        String sql = "SELECT " + IntStream.range(0, conditions.size())
                .mapToObj(index -> "count(*) FILTER (WHERE " + conditions.get(index).joined() + ") AS t" + index)
                .collect(Collectors.joining(", ")) + " FROM cars WHERE status = 'AVAILABLE'";
        Instant countedAt = totals.countStartsNow();
        calls.mono(R2dbcCarCatalog.TOTAL_BATCH_REFRESH_QUERY, reads.read(client -> values.applyTo(client, sql)
                        .map(row -> totalsOf(row, keys.size()))
                        .one()))
                .doFinally(signal -> countPending())
                .subscribe(counted -> {
                    for (int index = 0; index < keys.size(); index++) {
                        totals.put(keys.get(index), counted.get(index), countedAt);
                    }
                }, failure -> keys.forEach(totals::refreshFailed));
    }

    /** Up to {@value #MAX_PER_BATCH} pending totals, the oldest first; none left ends the round. */
    private List<CarFilters> takeBatch() {
        synchronized (pending) {
            List<CarFilters> batch = new ArrayList<>();
            Iterator<CarFilters> due = pending.iterator();
            while (due.hasNext() && batch.size() < MAX_PER_BATCH) {
                batch.add(due.next());
                due.remove();
            }
            batchRunning = !batch.isEmpty();
            return batch;
        }
    }

    private static List<Long> totalsOf(Readable row, int count) {
        List<Long> counted = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            counted.add(row.get("t" + index, Long.class));
        }
        return counted;
    }
}
