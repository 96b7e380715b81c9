package dev.carmarket.adapters.web.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** Body of {@code GET /health/ready}: overall status and each check by name. */
record ReadinessResponse(String status, Map<String, CheckResponse> checks) {

    /** Absent facts are left out rather than written as {@code null}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckResponse(String status, Long latencyMs, String detail) {
    }

    static ReadinessResponse of(ReadinessReport report) {
        Map<String, CheckResponse> checks = new LinkedHashMap<>();
        report.checks().forEach(check -> checks.put(check.name(), new CheckResponse(
                HealthHandler.status(check.up()),
                check.latency().map(latency -> latency.toMillis()).orElse(null),
                check.detail().orElse(null))));
        return new ReadinessResponse(HealthHandler.status(report.ready()), checks);
    }
}
