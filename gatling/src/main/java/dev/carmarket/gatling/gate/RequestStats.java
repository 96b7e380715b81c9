package dev.carmarket.gatling.gate;

import java.util.OptionalInt;

/**
 * One row of a Gatling report's statistics table: a request name (or {@link #GLOBAL} for all
 * requests of the simulation), its counts, mean throughput and response-time percentiles.
 * Percentiles are absent when Gatling shows none (no response at all).
 */
public record RequestStats(String name, long count, long failed, double meanRps, OptionalInt p95Ms,
        OptionalInt p99Ms) {

    public static final String GLOBAL = "global";

    public double failedPercent() {
        return count == 0 ? 0 : 100.0 * failed / count;
    }
}
