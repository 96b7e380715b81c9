package dev.carmarket.ports.domain.common;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception of the hexagon. It carries a {@link DomainError}
 * and, for {@link DomainError#INVALID_INPUT}, one client-facing line per problem
 * (e.g. {@code "limit must not be greater than 100"}); for a {@link DomainError.Kind#LIMITED} error, how long
 * until trying again can succeed.
 */
public final class DomainException extends RuntimeException {

    private final DomainError error;
    private final List<String> problems;
    private final Optional<Duration> retryAfter;

    public DomainException(DomainError error) {
        this(error, List.of(), Optional.empty(), null);
    }

    public DomainException(DomainError error, Throwable cause) {
        this(error, List.of(), Optional.empty(), cause);
    }

    private DomainException(DomainError error, List<String> problems, Optional<Duration> retryAfter,
            Throwable cause) {
        super(problems.isEmpty() ? error.message() : error.message() + ": " + String.join("; ", problems), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
    }

    /** A refusal of a {@link DomainError.Kind#LIMITED} error that may succeed after {@code retryAfter}. */
    public static DomainException limited(DomainError error, Duration retryAfter) {
        if (error.kind() != DomainError.Kind.LIMITED) {
            throw new IllegalArgumentException(error + " is not a limit");
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        return new DomainException(error, List.of(), Optional.of(retryAfter), null);
    }

    /** A validation failure listing every problem found, never an empty list. */
    public static DomainException invalid(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input error needs at least one problem");
        }
        return new DomainException(DomainError.INVALID_INPUT, problems, Optional.empty(), null);
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

    /** When trying again can succeed; present for {@link DomainError.Kind#LIMITED} errors only. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
