package dev.carmarket.adapters.web.health;

import java.util.List;

/** The checks of one readiness probe; the instance is ready when every check is up. */
public record ReadinessReport(List<ReadinessCheck> checks) {

    public ReadinessReport {
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            // "Ready" must mean something was checked.
            throw new IllegalArgumentException("a readiness report needs at least one check");
        }
    }

    public static ReadinessReport of(ReadinessCheck... checks) {
        return new ReadinessReport(List.of(checks));
    }

    public boolean ready() {
        return checks.stream().allMatch(ReadinessCheck::up);
    }
}
