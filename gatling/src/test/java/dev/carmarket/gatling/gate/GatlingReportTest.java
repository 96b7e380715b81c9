package dev.carmarket.gatling.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GatlingReportTest {

    /** A real Gatling 3.15.1 report excerpt; the expected figures are those Gatling printed on its console. */
    static final Path REPORT = Path.of("src/test/resources/gatling-3.15.1-report");

    @Test
    void readsTheGlobalRowFirstThenEveryRequestByName() {
        SimulationReport report = GatlingReport.read("CarSearchSimulation", REPORT);

        assertThat(report.simulation()).isEqualTo("CarSearchSimulation");
        assertThat(report.requests()).extracting(RequestStats::name).containsExactly("global", "car-details",
                "search-fuel-transmission", "search-make-model", "search-no-filter", "search-price-range",
                "search-text", "search-year-range");
        assertThat(report.requests().get(0))
                .isEqualTo(new RequestStats("global", 59, 0, 8.43, OptionalInt.of(201), OptionalInt.of(679)));
        assertThat(report.requests().get(1))
                .isEqualTo(new RequestStats("car-details", 29, 0, 4.14, OptionalInt.of(32), OptionalInt.of(42)));
    }

    @Test
    void readsEachAssertionWithItsOutcome() {
        SimulationReport report = GatlingReport.read("CarSearchSimulation", REPORT);

        assertThat(report.assertions()).hasSize(4);
        assertThat(report.failedAssertions()).containsExactly(new AssertionResult(
                "Global: 95th percentile of response time is less than 1.0", false));
    }

    @Test
    void aReportWithAnotherColumnLayoutIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> GatlingReport.parse("CarSearchSimulation",
                "<th id=\"col-10\" class=\"header sortable\"><span>90th pct</span></th>"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unexpected Gatling report layout");
    }

    @Test
    void aMissingReportIsAnError() {
        assertThatThrownBy(() -> GatlingReport.read("CarSearchSimulation", Path.of("target/no-such-report")))
                .hasMessageContaining("cannot read the Gatling report");
    }
}
