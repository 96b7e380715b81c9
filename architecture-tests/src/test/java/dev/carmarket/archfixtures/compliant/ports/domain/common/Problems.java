package dev.carmarket.archfixtures.compliant.ports.domain.common;

import java.util.ArrayList;
import java.util.List;

/** Fixture: the validation collector, the one non-record class the domain may have. */
public final class Problems {

    private final List<String> problems = new ArrayList<>();

    public Problems check(boolean valid, String problem) {
        if (!valid) {
            problems.add(problem);
        }
        return this;
    }
}
