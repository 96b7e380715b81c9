package dev.carmarket.adapters.web.health;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A read replica as {@code /health/ready} lists it. Informational: reads fall back to the primary,
 * so a replica never makes the instance unready.
 *
 * @param name   {@code host:port/database}
 * @param state  {@code UP}, {@code LAGGING}, {@code DOWN} or {@code NOT_A_REPLICA}
 * @param lag    the replay lag, when the replica reported one
 * @param detail a short fixed-form reason when it is not UP
 */
public record ReplicaStatus(String name, String state, Optional<Duration> lag, Optional<String> detail) {

    public ReplicaStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(detail, "detail");
    }
}
