package dev.carmarket.gatling.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static final String GATE = "gate.regressionTolerancePercent=20\ngate.latencyNoiseFloorMs=5\n";

    @Test
    void readsTheBoundsOfOneSimulationAndTheRegressionPolicy() {
        Thresholds thresholds = parse(GATE + """
                CarSearchSimulation.global.p95Ms=300
                CarSearchSimulation.global.minRps=30.5
                CarSearchSimulation.search-text.p99Ms=800
                CarSearchSimulation.search-text.maxErrorPercent=0.5
                OrderCaptureSimulation.global.p95Ms=900
                """);

        assertThat(thresholds.forSimulation("CarSearchSimulation", Set.of("search-text"))).containsExactly(
                new Threshold("global", Metric.P95_MS, 300),
                new Threshold("global", Metric.MIN_RPS, 30.5),
                new Threshold("search-text", Metric.P99_MS, 800),
                new Threshold("search-text", Metric.MAX_ERROR_PERCENT, 0.5));
        assertThat(thresholds.regressionPolicy()).isEqualTo(new RegressionPolicy(20, 5));
    }

    @Test
    void aThresholdForARequestTheSimulationDoesNotIssueIsRejected() {
        Thresholds thresholds = parse(GATE + "CarSearchSimulation.search-txet.p95Ms=300\n");

        assertThatThrownBy(() -> thresholds.forSimulation("CarSearchSimulation", Set.of("search-text")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CarSearchSimulation.search-txet.p95Ms");
    }

    @Test
    void aSimulationWithoutAnyBoundIsRejected() {
        Thresholds thresholds = parse(GATE + "CarSearchSimulation.global.p95Ms=300\n");

        assertThatThrownBy(() -> thresholds.forSimulation("MixedSimulation", Set.of()))
                .hasMessageContaining("no bound for simulation MixedSimulation");
    }

    @Test
    void everyMalformedKeyAndValueIsReportedAtOnce() {
        assertThatThrownBy(() -> parse(GATE + """
                CarSearchSimulation.global.p95=300
                CarSearchSimulation.global.p99Ms=fast
                CarSearchSimulation.global.minRps=-1
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CarSearchSimulation.global.p95:")
                .hasMessageContaining("CarSearchSimulation.global.p99Ms: must be a number >= 0, got 'fast'")
                .hasMessageContaining("CarSearchSimulation.global.minRps: must be a number >= 0, got '-1'");
    }

    @Test
    void theRegressionPolicyIsRequired() {
        assertThatThrownBy(() -> parse("CarSearchSimulation.global.p95Ms=300\n"))
                .hasMessageContaining("gate.regressionTolerancePercent: missing")
                .hasMessageContaining("gate.latencyNoiseFloorMs: missing");
    }

    @Test
    void theProjectThresholdsFileDefinesEverySimulation() {
        Thresholds thresholds = Thresholds.load(Path.of("thresholds.properties"));

        for (String simulation : new String[] {"CarSearchSimulation", "OrderCaptureSimulation", "MixedSimulation"}) {
            assertThat(thresholds.forSimulation(simulation, Set.of("search-no-filter", "search-make-model",
                    "search-price-range", "search-year-range", "search-fuel-transmission", "search-text",
                    "car-details", "place-order", "start-payment", "payment-webhook", "read-order")))
                    .extracting(Threshold::metric)
                    .contains(Metric.P95_MS, Metric.P99_MS, Metric.MAX_ERROR_PERCENT, Metric.MIN_RPS);
        }
    }

    private static Thresholds parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Thresholds.parse(properties, "test");
    }
}
