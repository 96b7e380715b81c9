package dev.carmarket.bootstrap.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one pass over the environment, so an operator fixes them all at once. */
public final class InvalidConfigurationException extends RuntimeException {

    private final List<ConfigurationProblem> problems;

    public InvalidConfigurationException(List<ConfigurationProblem> problems) {
        super(problems.stream().map(ConfigurationProblem::describe).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
