package dev.carmarket.adapters.web.health;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one thing readiness depends on.
 *
 * @param name    the key under {@code checks} ({@code db}, {@code store}, {@code lifecycle})
 * @param latency how long the check took, when it talked to a dependency
 * @param detail  a short fixed-form explanation (never a secret or a raw driver message)
 */
public record ReadinessCheck(String name, boolean up, Optional<Duration> latency, Optional<String> detail) {

    public ReadinessCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(detail, "detail");
    }

    public static ReadinessCheck up(String name, Duration latency) {
        return new ReadinessCheck(name, true, Optional.of(latency), Optional.empty());
    }

    public static ReadinessCheck up(String name, String detail) {
        return new ReadinessCheck(name, true, Optional.empty(), Optional.of(detail));
    }

    public static ReadinessCheck down(String name, String detail) {
        return new ReadinessCheck(name, false, Optional.empty(), Optional.of(detail));
    }
}
