package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Times the queries a store adapter runs on its own, outside any port call (the background recounts of
 * cached search totals, one at a time or several in one pass), as {@code db.query{query,outcome}} and {@code db.failures{query,reason}}, like the
 * {@code Metered*} decorators do for port calls. The adapter reports every query; those of the port calls
 * are already timed by the decorators, so only the background one is recorded here.
 */
public final class BackgroundQueryMetrics {

    private static final Set<StoreQuery> BACKGROUND = EnumSet.of(StoreQuery.CAR_SEARCH_TOTAL,
            StoreQuery.CAR_SEARCH_TOTALS);

    private final StoreQueryMetrics metrics;

    public BackgroundQueryMetrics(MeterRegistry registry) {
        this.metrics = new StoreQueryMetrics(registry);
    }

    /** @param failure the error the query ended with, or null on success */
    public void queryFinished(String query, Duration elapsed, Throwable failure) {
        for (StoreQuery background : BACKGROUND) {
            if (background.label().equals(query)) {
                metrics.record(background, elapsed, failure);
            }
        }
    }
}
