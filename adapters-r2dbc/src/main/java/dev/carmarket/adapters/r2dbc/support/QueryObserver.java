package dev.carmarket.adapters.r2dbc.support;

import dev.carmarket.ports.domain.common.DomainException;
import java.time.Duration;

/**
 * Told about every database call the adapters make, under a fixed name such as {@code car.search}
 * or {@code order.insert}, so that bootstrap can time and count them (e.g. as
 * {@code db_query_seconds{query,outcome}} and {@code db_failures_total{query,reason}}) without
 * this module knowing any metrics library. Called on the thread that completed the call: keep it cheap.
 */
@FunctionalInterface
public interface QueryObserver {

    /** Observes nothing. */
    QueryObserver NONE = (query, elapsed, failure) -> { };

    /**
     * @param query   a name from a fixed set, never containing user data
     * @param elapsed from subscription to completion
     * @param failure the error the caller saw (already translated), or null on success
     */
    void queryFinished(String query, Duration elapsed, DomainException failure);
}
