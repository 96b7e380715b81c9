package dev.carmarket.gatling.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.carmarket.gatling.thresholds.RegressionPolicy;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RequestComparisonTest {

    private static final RegressionPolicy POLICY = new RegressionPolicy(20, 5);
    private static final BaselineEntry REFERENCE = new BaselineEntry(100, 200, 50.0);

    @Test
    void withinTwentyPercentIsOk() {
        assertThat(RequestComparison.regressed(stats("search-text", 120, 240, 40.0), REFERENCE, POLICY)).isFalse();
    }

    @Test
    void aP95MoreThanTwentyPercentSlowerIsARegression() {
        assertThat(RequestComparison.regressed(stats("search-text", 121, 200, 50.0), REFERENCE, POLICY)).isTrue();
    }

    @Test
    void aP99MoreThanTwentyPercentSlowerIsARegression() {
        assertThat(RequestComparison.regressed(stats("search-text", 100, 241, 50.0), REFERENCE, POLICY)).isTrue();
    }

    @Test
    void aThroughputMoreThanTwentyPercentLowerIsARegression() {
        assertThat(RequestComparison.regressed(stats("search-text", 100, 200, 39.9), REFERENCE, POLICY)).isTrue();
    }

    @Test
    void aSlowdownWithinTheNoiseFloorIsNoRegression() {
        BaselineEntry fast = new BaselineEntry(3, 5, 50.0);

        assertThat(RequestComparison.regressed(stats("car-details", 8, 10, 50.0), fast, POLICY)).isFalse();
        assertThat(RequestComparison.regressed(stats("car-details", 9, 10, 50.0), fast, POLICY)).isTrue();
    }

    @Test
    void aRequestThatGotNoAnswerIsARegression() {
        RequestStats unanswered = new RequestStats("search-text", 10, 10, 1.0, OptionalInt.empty(), OptionalInt.empty());

        assertThat(RequestComparison.regressed(unanswered, REFERENCE, POLICY)).isTrue();
    }

    @Test
    void comparesEveryRequestAndFlagsNewAndMissingOnes() {
        Baseline baseline = new Baseline(Map.of("CarSearchSimulation", Map.of(
                "global", REFERENCE, "search-text", REFERENCE, "search-old-name", REFERENCE)), Map.of());
        SimulationReport report = new SimulationReport("CarSearchSimulation", List.of(
                stats("global", 110, 210, 52.0), stats("search-text", 150, 210, 52.0),
                stats("search-new-name", 10, 20, 5.0)), List.of());

        List<RequestComparison> comparisons = RequestComparison.compare(List.of(report), baseline, POLICY);

        assertThat(comparisons).extracting(RequestComparison::request, RequestComparison::verdict).containsExactly(
                tuple("global", Verdict.OK),
                tuple("search-text", Verdict.REGRESSION),
                tuple("search-new-name", Verdict.NEW),
                tuple("(missing)", Verdict.MISSING));
        assertThat(comparisons.get(1).p95DeltaPercent()).hasValue(50.0);
        assertThat(comparisons.get(1).rpsDeltaPercent()).hasValue(4.0);
    }

    private static RequestStats stats(String name, int p95, int p99, double rps) {
        return new RequestStats(name, 100, 0, rps, OptionalInt.of(p95), OptionalInt.of(p99));
    }
}
