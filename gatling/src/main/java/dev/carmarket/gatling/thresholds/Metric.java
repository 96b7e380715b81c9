package dev.carmarket.gatling.thresholds;

import java.util.Arrays;
import java.util.Optional;

/** What a threshold bounds, named as in thresholds.properties. */
public enum Metric {
    /** 95th percentile response time, milliseconds: the run fails when it reaches the value. */
    P95_MS("p95Ms"),
    /** 99th percentile response time, milliseconds: the run fails when it reaches the value. */
    P99_MS("p99Ms"),
    /** Share of failed (KO) requests, percent: the run fails above the value. */
    MAX_ERROR_PERCENT("maxErrorPercent"),
    /** Mean requests per second over the whole run: the run fails below the value. */
    MIN_RPS("minRps");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The keys, for messages: {@code p95Ms|p99Ms|...}. */
    static String keys() {
        return String.join("|", Arrays.stream(values()).map(Metric::key).toList());
    }

    static Optional<Metric> fromKey(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }
}
