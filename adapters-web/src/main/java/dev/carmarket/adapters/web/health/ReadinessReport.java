package dev.carmarket.adapters.web.health;

import java.util.List;

/**
 * The checks of one readiness probe; the instance is ready when every check is up. Read replicas
 * are listed beside them but never decide readiness: reads fall back to the primary.
 */
public record ReadinessReport(List<ReadinessCheck> checks, List<ReplicaStatus> replicas) {

    public ReadinessReport {
        checks = List.copyOf(checks);
        replicas = List.copyOf(replicas);
        if (checks.isEmpty()) {
            // "Ready" must mean something was checked.
            throw new IllegalArgumentException("a readiness report needs at least one check");
        }
    }

    public static ReadinessReport of(ReadinessCheck... checks) {
        return new ReadinessReport(List.of(checks), List.of());
    }

    public boolean ready() {
        return checks.stream().allMatch(ReadinessCheck::up);
    }
}
