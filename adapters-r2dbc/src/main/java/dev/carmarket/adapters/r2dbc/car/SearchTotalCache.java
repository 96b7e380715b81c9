package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Search totals per filter combination, each kept for at most {@code maxAge} (the contract lets
 * the total lag by up to 5 s), in a bounded LRU map: counting 85k matches dominates an
 * unfiltered search, while the page itself is cheap. Critical sections are tiny map operations,
 * so plain synchronization is fine on event-loop threads.
 */
final class SearchTotalCache {

    private record Entry(long total, Instant storedAt) {
    }

    private final TimeSource timeSource;
    private final Duration maxAge;
    private final Map<SearchFilters, Entry> entries;

    SearchTotalCache(TimeSource timeSource, Duration maxAge, int maxEntries) {
        this.timeSource = timeSource;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchFilters, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    OptionalLong get(SearchFilters filters) {
        Instant now = timeSource.now();
        synchronized (entries) {
            Entry entry = entries.get(filters);
            if (entry == null) {
                return OptionalLong.empty();
            }
            if (entry.storedAt().plus(maxAge).isAfter(now)) {
                return OptionalLong.of(entry.total());
            }
            entries.remove(filters);
            return OptionalLong.empty();
        }
    }

    void put(SearchFilters filters, long total) {
        Entry entry = new Entry(total, timeSource.now());
        synchronized (entries) {
            entries.put(filters, entry);
        }
    }
}
