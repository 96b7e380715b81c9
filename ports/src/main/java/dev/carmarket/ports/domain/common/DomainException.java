package dev.carmarket.ports.domain.common;

import java.util.List;
import java.util.Objects;

/**
 * The one unchecked exception of the hexagon. It carries a {@link DomainError}
 * and, for {@link DomainError#INVALID_INPUT}, one client-facing line per problem
 * (e.g. {@code "limit must not be greater than 100"}).
 */
public final class DomainException extends RuntimeException {

    private final DomainError error;
    private final List<String> problems;

    public DomainException(DomainError error) {
        this(error, List.of(), null);
    }

    public DomainException(DomainError error, Throwable cause) {
        this(error, List.of(), cause);
    }

    private DomainException(DomainError error, List<String> problems, Throwable cause) {
        super(problems.isEmpty() ? error.message() : error.message() + ": " + String.join("; ", problems), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.problems = List.copyOf(problems);
    }

    /** A validation failure listing every problem found, never an empty list. */
    public static DomainException invalid(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input error needs at least one problem");
        }
        return new DomainException(DomainError.INVALID_INPUT, problems, null);
    }

    public static DomainException invalid(String problem) {
        return invalid(List.of(problem));
    }

    public DomainError error() {
        return error;
    }

    /** One line per validation problem; empty for every error but {@link DomainError#INVALID_INPUT}. */
    public List<String> problems() {
        return problems;
    }
}
