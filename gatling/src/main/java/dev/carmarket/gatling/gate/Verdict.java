package dev.carmarket.gatling.gate;

/** How one request of this run compares with the baseline. */
public enum Verdict {
    OK(false),
    /** p95 or p99 above the tolerance (and the noise floor), or throughput below it. */
    REGRESSION(true),
    /** Not in the baseline yet: reported, never a failure (a new request needs a deliberate baseline update). */
    NEW(false),
    /** In the baseline but not issued by this run: a renamed or lost request, whose regressions would go unseen. */
    MISSING(true);

    private final boolean failsNightly;

    Verdict(boolean failsNightly) {
        this.failsNightly = failsNightly;
    }

    public boolean failsNightly() {
        return failsNightly;
    }
}
