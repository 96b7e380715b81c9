package dev.carmarket.bootstrap.settings;

import java.util.Objects;

/** One thing wrong with the environment, naming its variable; the problem text never quotes a secret. */
public record ConfigurationProblem(String variable, String problem) {

    public ConfigurationProblem {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code VARIABLE: problem}, the form printed after {@code carmarket: configuration error: }. */
    public String describe() {
        return variable + ": " + problem;
    }
}
