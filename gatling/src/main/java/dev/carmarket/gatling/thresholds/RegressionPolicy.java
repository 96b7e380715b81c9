package dev.carmarket.gatling.thresholds;

/**
 * How a run is compared with the baseline.
 *
 * @param tolerancePercent  a p95/p99 more than this much above the baseline, or a mean throughput
 *                          more than this much below it, is a regression (the gate uses 20)
 * @param noiseFloorMillis  latency differences up to this many milliseconds are never a regression:
 *                          on a 3 ms baseline one scheduler hiccup is already +33%
 */
public record RegressionPolicy(double tolerancePercent, double noiseFloorMillis) {

    public RegressionPolicy {
        if (!(tolerancePercent >= 0) || !(noiseFloorMillis >= 0)) {
            throw new IllegalArgumentException("tolerance and noise floor must be >= 0");
        }
    }
}
