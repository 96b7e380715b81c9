package dev.carmarket.ports.domain.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems so that a value object reports all of them at
 * once (the contract's message array) instead of failing on the first.
 */
public final class Problems {

    private final List<String> problems = new ArrayList<>();

    public Problems check(boolean valid, String problem) {
        if (!valid) {
            problems.add(problem);
        }
        return this;
    }

    public Problems add(String problem) {
        problems.add(problem);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> asList() {
        return List.copyOf(problems);
    }

    /** Throws {@link DomainException#invalid(List)} when any problem was collected. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
