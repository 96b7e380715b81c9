package dev.carmarket.adapters.web.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of {@code GET /health/ready}: overall status, each check by name, and each read replica by
 * name ({@code replicas}, left out when none is configured).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ReadinessResponse(String status, Map<String, CheckResponse> checks, Map<String, ReplicaResponse> replicas) {

    /** Absent facts are left out rather than written as {@code null}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckResponse(String status, Long latencyMs, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReplicaResponse(String status, Long lagMs, String detail) {
    }

    static ReadinessResponse of(ReadinessReport report) {
        Map<String, CheckResponse> checks = new LinkedHashMap<>();
        report.checks().forEach(check -> checks.put(check.name(), new CheckResponse(
                HealthHandler.status(check.up()),
                check.latency().map(latency -> latency.toMillis()).orElse(null),
                check.detail().orElse(null))));
        Map<String, ReplicaResponse> replicas = new LinkedHashMap<>();
        report.replicas().forEach(replica -> replicas.put(replica.name(), new ReplicaResponse(replica.state(),
                replica.lag().map(lag -> lag.toMillis()).orElse(null), replica.detail().orElse(null))));
        return new ReadinessResponse(HealthHandler.status(report.ready()), checks, replicas);
    }
}
