package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Search totals per filter combination, each kept for at most {@code maxAge} (the contract lets
 * the total lag by up to 5 s), in a bounded LRU map: counting 85k matches dominates an
 * unfiltered search, while the page itself is cheap.
 *
 * <p>Refresh ahead: once a total is {@code refreshAfter} old, the next lookup still gets it and is
 * told to count it again in the background (one refresh at a time per combination). Under steady
 * traffic a total is then renewed before it expires, and no request waits for a count; only a
 * combination nobody asked for in {@code maxAge} is counted on the request path. Critical sections
 * are tiny map operations, so plain synchronization is fine on event-loop threads.
 */
final class SearchTotalCache {

    /** What a search may use: a cached total, if any, and whether it should start a background recount. */
    record Lookup(OptionalLong total, boolean refreshDue) {

        private static final Lookup MISS = new Lookup(OptionalLong.empty(), false);
    }

    private static final class Entry {

        private final long total;
        private final Instant countedAt;
        private boolean refreshing;

        private Entry(long total, Instant countedAt) {
            this.total = total;
            this.countedAt = countedAt;
        }
    }

    private final TimeSource timeSource;
    private final Duration refreshAfter;
    private final Duration maxAge;
    private final Map<CarFilters, Entry> entries;

    SearchTotalCache(TimeSource timeSource, Duration refreshAfter, Duration maxAge, int maxEntries) {
        this.timeSource = timeSource;
        this.refreshAfter = refreshAfter;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CarFilters, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    Lookup lookup(CarFilters filters) {
        Instant now = timeSource.now();
        synchronized (entries) {
            Entry entry = entries.get(filters);
            if (entry == null) {
                return Lookup.MISS;
            }
            if (!entry.countedAt.plus(maxAge).isAfter(now)) {
                entries.remove(filters);
                return Lookup.MISS;
            }
            boolean refreshDue = !entry.refreshing && !entry.countedAt.plus(refreshAfter).isAfter(now);
            entry.refreshing |= refreshDue;
            return new Lookup(OptionalLong.of(entry.total), refreshDue);
        }
    }

    /** The time a count starts: its total is as old as the snapshot it read. */
    Instant countStartsNow() {
        return timeSource.now();
    }

    /** Keeps the newer count when a slow background recount ends after a request counted afresh. */
    void put(CarFilters filters, long total, Instant countedAt) {
        Entry counted = new Entry(total, countedAt);
        synchronized (entries) {
            entries.merge(filters, counted, (old, fresh) -> fresh.countedAt.isBefore(old.countedAt) ? old : fresh);
        }
    }

    /** A background recount failed: a later lookup may start another while the old total is valid. */
    void refreshFailed(CarFilters filters) {
        synchronized (entries) {
            Entry entry = entries.get(filters);
            if (entry != null) {
                entry.refreshing = false;
            }
        }
    }
}
