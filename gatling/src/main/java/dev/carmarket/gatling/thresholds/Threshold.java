package dev.carmarket.gatling.thresholds;

import java.util.Objects;

/**
 * One bound of thresholds.properties: {@code target} is {@link #GLOBAL} (every request of the
 * simulation together) or one request name.
 */
public record Threshold(String target, Metric metric, double value) {

    public static final String GLOBAL = "global";

    public Threshold {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(metric, "metric");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("threshold " + target + "." + metric.key() + " must be a number >= 0");
        }
    }

    public boolean isGlobal() {
        return GLOBAL.equals(target);
    }
}
