package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Times the queries a store adapter runs on its own, outside any port call (the background recount of a
 * cached search total), as {@code db.query{query,outcome}} and {@code db.failures{query,reason}}, like the
 * {@code Metered*} decorators do for port calls. The adapter reports every query; those of the port calls
 * are already timed by the decorators, so only the background one is recorded here.
 */
public final class BackgroundQueryMetrics {

    private static final StoreQuery BACKGROUND = StoreQuery.CAR_SEARCH_TOTAL;

    private final StoreQueryMetrics metrics;

    public BackgroundQueryMetrics(MeterRegistry registry) {
        this.metrics = new StoreQueryMetrics(registry);
    }

    /** @param failure the error the query ended with, or null on success */
    public void queryFinished(String query, Duration elapsed, Throwable failure) {
        if (BACKGROUND.label().equals(query)) {
            metrics.record(BACKGROUND, elapsed, failure);
        }
    }
}
