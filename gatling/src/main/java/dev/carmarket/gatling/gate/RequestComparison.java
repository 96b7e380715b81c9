package dev.carmarket.gatling.gate;

import dev.carmarket.gatling.thresholds.RegressionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One line of the summary: a request of this run next to its baseline, and the verdict. */
public record RequestComparison(String simulation, Optional<RequestStats> current, Optional<BaselineEntry> baseline,
        Verdict verdict) {

    /** Every request of the reports, plus those the baseline expects from these simulations but that did not run. */
    public static List<RequestComparison> compare(List<SimulationReport> reports, Baseline baseline,
            RegressionPolicy policy) {
        List<RequestComparison> comparisons = new ArrayList<>();
        for (SimulationReport report : reports) {
            for (RequestStats stats : report.requests()) {
                Optional<BaselineEntry> reference = baseline.entry(report.simulation(), stats.name());
                Verdict verdict = reference.map(entry -> regressed(stats, entry, policy) ? Verdict.REGRESSION : Verdict.OK)
                        .orElse(Verdict.NEW);
                comparisons.add(new RequestComparison(report.simulation(), Optional.of(stats), reference, verdict));
            }
            baseline.requests(report.simulation()).stream()
                    .filter(name -> report.requests().stream().noneMatch(stats -> stats.name().equals(name)))
                    .forEach(name -> comparisons.add(new RequestComparison(report.simulation(), Optional.empty(),
                            baseline.entry(report.simulation(), name), Verdict.MISSING)));
        }
        return comparisons;
    }

    public String request() {
        return current.map(RequestStats::name).orElseGet(() -> "(missing)");
    }

    public OptionalDouble p95DeltaPercent() {
        return delta(current.flatMap(stats -> optional(stats.p95Ms())), baseline.map(BaselineEntry::p95Ms));
    }

    public OptionalDouble p99DeltaPercent() {
        return delta(current.flatMap(stats -> optional(stats.p99Ms())), baseline.map(BaselineEntry::p99Ms));
    }

    public OptionalDouble rpsDeltaPercent() {
        return delta(current.map(RequestStats::meanRps), baseline.map(BaselineEntry::meanRps));
    }

    static boolean regressed(RequestStats stats, BaselineEntry reference, RegressionPolicy policy) {
        double factor = policy.tolerancePercent() / 100;
        boolean slower = slower(stats.p95Ms(), reference.p95Ms(), factor, policy)
                || slower(stats.p99Ms(), reference.p99Ms(), factor, policy);
        // no percentile at all means nothing was answered: that is a regression too
        boolean unanswered = stats.p95Ms().isEmpty() || stats.p99Ms().isEmpty();
        return slower || unanswered || stats.meanRps() < reference.meanRps() * (1 - factor);
    }

    private static boolean slower(OptionalInt current, int reference, double factor, RegressionPolicy policy) {
        return current.isPresent() && current.getAsInt() > reference * (1 + factor)
                && current.getAsInt() - reference > policy.noiseFloorMillis();
    }

    private static Optional<Integer> optional(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    private static OptionalDouble delta(Optional<? extends Number> current, Optional<? extends Number> reference) {
        if (current.isEmpty() || reference.isEmpty() || reference.get().doubleValue() == 0) {
            return OptionalDouble.empty();
        }
        double base = reference.get().doubleValue();
        return OptionalDouble.of(100 * (current.get().doubleValue() - base) / base);
    }
}
