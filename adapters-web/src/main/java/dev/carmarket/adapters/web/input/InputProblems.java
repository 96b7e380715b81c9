package dev.carmarket.adapters.web.input;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Problems;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses client input field by field while collecting every problem, in the
 * NestJS class-validator wording the contract's consumers know
 * ({@code carId must be a UUID}, {@code fuelType must be one of the following values: ...}).
 * A parser returns null for a value it rejected, so later checks can skip it.
 */
public final class InputProblems {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Problems problems = new Problems();

    public void add(String problem) {
        problems.add(problem);
    }

    public void addAll(List<String> more) {
        more.forEach(problems::add);
    }

    /** Records {@code <name> should not be empty} when the value is missing; returns whether it is present. */
    public boolean requirePresent(String name, Object value) {
        problems.check(value != null, name + " should not be empty");
        return value != null;
    }

    /** A required UUID in its canonical 8-4-4-4-12 form (any case). */
    public UUID uuid(String name, String value) {
        if (!requirePresent(name, value)) {
            return null;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            problems.add(name + " must be a UUID");
            return null;
        }
        return UUID.fromString(value);
    }

    /** A required enum constant, spelt as its name. */
    public <E extends Enum<E>> E requiredEnum(String name, String value, Class<E> type) {
        return requiredOneOf(name, value, Arrays.asList(type.getEnumConstants()), Enum::name);
    }

    /** A required value that must be one of {@code options}, spelt as {@code wireName} says. */
    public <T> T requiredOneOf(String name, String value, List<T> options, Function<T, String> wireName) {
        return requirePresent(name, value) ? oneOf(name, value, options, wireName) : null;
    }

    /** An optional value (null stays null) that must be one of {@code options}, spelt as {@code wireName} says. */
    public <T> T oneOf(String name, String value, List<T> options, Function<T, String> wireName) {
        if (value == null) {
            return null;
        }
        return options.stream().filter(option -> wireName.apply(option).equals(value)).findFirst()
                .orElseGet(() -> {
                    problems.add(name + " must be one of the following values: "
                            + options.stream().map(wireName).collect(Collectors.joining(", ")));
                    return null;
                });
    }

    /** The optional {@code Idempotency-Key} header value (null when absent). */
    public IdempotencyKey idempotencyKey(String headerValue) {
        return headerValue == null ? null : attempt(() -> new IdempotencyKey(headerValue));
    }

    /**
     * Builds a value object whose constructor validates, keeping its problems instead of
     * failing at once; null when it rejected the input.
     */
    public <T> T attempt(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (DomainException failure) {
            if (failure.error() != DomainError.INVALID_INPUT) {
                throw failure;
            }
            addAll(failure.problems());
            return null;
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one {@code INVALID_INPUT} error listing every problem, if there is any. */
    public void throwIfAny() {
        problems.throwIfAny();
    }
}
