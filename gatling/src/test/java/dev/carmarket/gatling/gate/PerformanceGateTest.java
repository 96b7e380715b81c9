package dev.carmarket.gatling.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate end to end on a real Gatling report (whose global p95 assertion failed) and a passing copy. */
class PerformanceGateTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void nightlyFailsOnAFailedAssertionWhilePrOnlyReportsIt() throws IOException {
        assertThat(gate("nightly", GatlingReportTest.REPORT)).isEqualTo(PerformanceGate.FAILED);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("FAILED CarSearchSimulation: Global: 95th percentile of response time is less than 1.0")
                .contains("performance gate (nightly): FAILED");

        assertThat(gate("pr", GatlingReportTest.REPORT)).isEqualTo(PerformanceGate.PASSED);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("(pr mode: reported only)");
    }

    @Test
    void nightlyFailsOnARegressionAgainstTheBaseline() throws IOException {
        // the report's car-details p95 is 32 ms: 60% (and 12 ms) above this reference
        Files.writeString(baseline(), """
                {"simulations": {"CarSearchSimulation": {"car-details": {"p95Ms": 20, "p99Ms": 42, "meanRps": 4.14}}}}
                """);

        assertThat(gate("nightly", passingReport())).isEqualTo(PerformanceGate.FAILED);
        assertThat(output.toString(StandardCharsets.UTF_8)).containsPattern("car-details .* REGRESSION")
                .contains("0 failed assertion(s), 1 regression(s)");
    }

    @Test
    void updateBaselineRecordsTheRunAndKeepsOtherSimulations() throws IOException {
        Files.writeString(baseline(), """
                {"simulations": {"OrderCaptureSimulation": {"global": {"p95Ms": 90, "p99Ms": 150, "meanRps": 19.1}}}}
                """);

        assertThat(gate("nightly", passingReport(), "--context", "cars=100000", "--update-baseline"))
                .isEqualTo(PerformanceGate.PASSED);
        Baseline written = Baseline.read(baseline());
        assertThat(written.entry("CarSearchSimulation", "global")).hasValue(new BaselineEntry(201, 679, 8.43));
        assertThat(written.entry("OrderCaptureSimulation", "global")).hasValue(new BaselineEntry(90, 150, 19.1));
        assertThat(written.recordedWith()).containsEntry("cars", "100000").containsKey("recordedAt");
    }

    @Test
    void aRunThatFailsItsAssertionsDoesNotBecomeTheBaseline() throws IOException {
        assertThat(gate("nightly", GatlingReportTest.REPORT, "--update-baseline")).isEqualTo(PerformanceGate.FAILED);
        assertThat(baseline()).doesNotExist();
    }

    @Test
    void anUnreadableReportIsABrokenHarnessInEveryMode() throws IOException {
        assertThat(gate("pr", directory.resolve("missing"))).isEqualTo(PerformanceGate.BROKEN);
    }

    @Test
    void unknownArgumentsAreABrokenHarness() {
        assertThat(run("--mode", "weekly")).isEqualTo(PerformanceGate.BROKEN);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--mode must be nightly or pr");
    }

    /** The gate on one CarSearchSimulation report, with {@link #thresholds()} and {@link #baseline()}. */
    private int gate(String mode, Path report, String... moreArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--mode", mode, "--thresholds", thresholds().toString(),
                "--baseline", baseline().toString(), "--report", "CarSearchSimulation=" + report));
        args.addAll(List.of(moreArgs));
        return run(args.toArray(String[]::new));
    }

    private Path baseline() {
        return directory.resolve("baseline.json");
    }

    private int run(String... args) {
        output.reset();
        return new PerformanceGate(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
    }

    private Path thresholds() throws IOException {
        return Files.writeString(directory.resolve("thresholds.properties"),
                "gate.regressionTolerancePercent=20\ngate.latencyNoiseFloorMs=5\nCarSearchSimulation.global.p95Ms=1\n");
    }

    /** The real report with its one failed assertion turned into a passed one, as Gatling renders those. */
    private Path passingReport() throws IOException {
        String html = Files.readString(GatlingReportTest.REPORT.resolve(GatlingReport.INDEX))
                .replace("error-col-1 ko total", "error-col-1 ok total")
                .replace("error-col-2 value ko total\">KO<", "error-col-2 value ok total\">OK<");
        Path report = Files.createDirectories(directory.resolve("passing-report"));
        Files.writeString(report.resolve(GatlingReport.INDEX), html);
        return report;
    }
}
