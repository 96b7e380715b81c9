package dev.carmarket.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs checks one after another, timing each, and reports every result as soon as it is known. */
final class SmokeRunner {

    private final HttpProbe probe;

    SmokeRunner(HttpProbe probe) {
        this.probe = probe;
    }

    List<CheckResult> run(List<Check> checks, Consumer<CheckResult> onResult) {
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (Check check : checks) {
            CheckResult result = run(check);
            onResult.accept(result);
            results.add(result);
        }
        return results;
    }

    private CheckResult run(Check check) {
        CheckSession session = new CheckSession(probe);
        long start = System.nanoTime();
        String failure = null;
        try {
            check.body().run(session);
        } catch (CheckFailure e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            // A response odd enough to break the check's own logic is a failed check, not a crashed pack.
            failure = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new CheckResult(check.name(), failure == null, failure == null ? "" : failure,
                session.lastRequestId(), millis);
    }
}
