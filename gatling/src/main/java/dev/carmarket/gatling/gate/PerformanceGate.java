package dev.carmarket.gatling.gate;

import dev.carmarket.gatling.thresholds.Thresholds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of a run of run.sh: reads each simulation's Gatling report, compares it with
 * baseline.json, prints the summary, and (only with --update-baseline) records a new baseline.
 * <pre>
 * PerformanceGate --mode nightly|pr --thresholds FILE --baseline FILE
 *                 --report Simulation=REPORT_DIR... [--context key=value...] [--update-baseline]
 * </pre>
 * Exit status: 0 passed (or pr mode), 1 the gate failed (nightly: a failed assertion, a regression,
 * a missing request), 2 the harness is broken (bad arguments, unreadable report or file).
 */
public final class PerformanceGate {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BROKEN = 2;

    private final PrintStream out;

    PerformanceGate(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new PerformanceGate(System.out).run(args));
    }

    int run(String... args) {
        GateArguments arguments;
        List<SimulationReport> reports = new ArrayList<>();
        Thresholds thresholds;
        Baseline baseline;
        try {
            arguments = GateArguments.parse(args);
            thresholds = Thresholds.load(arguments.thresholds());
            baseline = Baseline.read(arguments.baseline());
            arguments.reports().forEach((simulation, directory) -> reports.add(GatlingReport.read(simulation, directory)));
        } catch (RuntimeException broken) {
            out.println("performance gate: cannot evaluate the run: " + broken.getMessage());
            return BROKEN;
        }
        List<RequestComparison> comparisons = RequestComparison.compare(reports, baseline, thresholds.regressionPolicy());
        out.println();
        String mode = arguments.mode().name().toLowerCase(Locale.ROOT);
        out.println("Performance summary (" + mode + " mode; baseline " + describe(baseline) + "; regression = p95/p99 > +"
                + thresholds.regressionPolicy().tolerancePercent() + "% and > "
                + thresholds.regressionPolicy().noiseFloorMillis() + " ms, or rps < -"
                + thresholds.regressionPolicy().tolerancePercent() + "%)");
        out.print(SummaryTable.render(comparisons));

        List<String> failedAssertions = new ArrayList<>();
        reports.forEach(report -> report.failedAssertions()
                .forEach(failed -> failedAssertions.add(report.simulation() + ": " + failed.description())));
        long assertionCount = reports.stream().mapToLong(report -> report.assertions().size()).sum();
        out.println();
        out.println("Threshold assertions (thresholds.properties): " + (assertionCount - failedAssertions.size())
                + " of " + assertionCount + " passed");
        failedAssertions.forEach(failed -> out.println("  FAILED " + failed));
        long regressions = comparisons.stream().filter(comparison -> comparison.verdict().failsNightly()).count();
        boolean failed = !failedAssertions.isEmpty() || regressions > 0;

        if (arguments.updateBaseline()) {
            if (!failedAssertions.isEmpty()) {
                out.println("baseline NOT updated: a run that fails its threshold assertions is no reference");
                return FAILED;
            }
            baseline.updatedWith(reports, arguments.context()).write(arguments.baseline());
            out.println("baseline updated: " + arguments.baseline() + " (review and commit it deliberately)");
            return PASSED;
        }
        String outcome = failed ? "FAILED" : "PASSED";
        out.println("performance gate (" + mode + "): "
                + outcome + " - " + failedAssertions.size() + " failed assertion(s), " + regressions
                + " regression(s)/missing request(s)" + (failed && !arguments.mode().blocks() ? " (pr mode: reported only)" : ""));
        return failed && arguments.mode().blocks() ? FAILED : PASSED;
    }

    private static String describe(Baseline baseline) {
        Map<String, String> context = baseline.recordedWith();
        return context.isEmpty() ? "none recorded" : "recorded " + context.getOrDefault("recordedAt", "?");
    }
}
