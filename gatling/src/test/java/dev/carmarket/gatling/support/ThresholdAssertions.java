package dev.carmarket.gatling.support;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import dev.carmarket.gatling.thresholds.Threshold;
import dev.carmarket.gatling.thresholds.Thresholds;
import io.gatling.javaapi.core.Assertion;
import java.util.List;
import java.util.Set;

/** Turns a simulation's bounds from thresholds.properties into Gatling assertions. */
public final class ThresholdAssertions {

    private ThresholdAssertions() {
    }

    /**
     * @param simulation   the simulation's key in thresholds.properties (its class' simple name)
     * @param requestNames every request name it issues, to reject thresholds for unknown requests
     */
    public static List<Assertion> of(String simulation, Set<String> requestNames) {
        return Thresholds.fromSystemProperty().forSimulation(simulation, requestNames).stream()
                .map(ThresholdAssertions::assertion)
                .toList();
    }

    private static Assertion assertion(Threshold threshold) {
        Assertion.WithPath scope = threshold.isGlobal() ? global() : details(threshold.target());
        int millis = (int) Math.round(threshold.value());
        return switch (threshold.metric()) {
            case P95_MS -> scope.responseTime().percentile(95.0).lt(millis);
            case P99_MS -> scope.responseTime().percentile(99.0).lt(millis);
            case MAX_ERROR_PERCENT -> scope.failedRequests().percent().lte(threshold.value());
            case MIN_RPS -> scope.requestsPerSec().gte(threshold.value());
        };
    }
}
