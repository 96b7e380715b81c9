package dev.carmarket.bootstrap.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads environment variables and collects every problem instead of stopping at the first.
 * Parsers signal a bad value with an {@link IllegalArgumentException} whose message becomes the
 * problem text, so parsers of secret variables must never quote the value.
 */
final class EnvironmentReader {

    private final Map<String, String> environment;
    private final List<ConfigurationProblem> problems = new ArrayList<>();

    EnvironmentReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The trimmed value; empty when the variable is unset or blank (both mean "use the default"). */
    Optional<String> value(String variable) {
        return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(text -> !text.isEmpty());
    }

    boolean isSet(String variable) {
        return value(variable).isPresent();
    }

    /** The parsed value; empty when unset, or when invalid (then a problem is recorded). */
    <T> Optional<T> parse(String variable, Function<String, T> parser) {
        return value(variable).flatMap(text -> attempt(variable, text, parser));
    }

    /**
     * A comma-separated list, each entry parsed on its own so that every bad entry is reported.
     * Empty when unset, or when any entry is invalid.
     */
    <T> Optional<List<T>> parseList(String variable, Function<String, T> entryParser) {
        return value(variable).flatMap(text -> {
            List<T> entries = new ArrayList<>();
            int problemsBefore = problems.size();
            for (String entry : text.split(",", -1)) {
                if (entry.isBlank()) {
                    problem(variable, "has an empty entry (check for doubled or trailing commas)");
                } else {
                    attempt(variable, entry.strip(), entryParser).ifPresent(entries::add);
                }
            }
            return problems.size() == problemsBefore ? Optional.of(List.copyOf(entries)) : Optional.empty();
        });
    }

    void problem(String variable, String problem) {
        problems.add(new ConfigurationProblem(variable, problem));
    }

    /** @throws InvalidConfigurationException listing every problem recorded so far */
    void throwIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private <T> Optional<T> attempt(String variable, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException invalid) {
            problem(variable, withoutVariableName(variable, invalid.getMessage()));
            return Optional.empty();
        }
    }

    /** Adapter parsers name the variable themselves ("DATABASE_URL is empty"); the line names it already. */
    private static String withoutVariableName(String variable, String message) {
        if (message == null || message.isBlank()) {
            return "is invalid";
        }
        if (message.startsWith(variable)) {
            String rest = message.substring(variable.length()).replaceFirst("^:?\\s*", "");
            return rest.isEmpty() ? "is invalid" : rest;
        }
        return message;
    }
}
