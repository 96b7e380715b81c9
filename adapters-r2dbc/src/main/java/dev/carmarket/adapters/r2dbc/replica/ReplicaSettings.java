package dev.carmarket.adapters.r2dbc.replica;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The streaming replicas to read from ({@code DATABASE_READ_URL}) and how much replay lag a read may
 * tolerate ({@code DATABASE_READ_MAX_LAG}). Lag is checked every {@code checkInterval} on the
 * replica itself, never per request.
 */
public record ReplicaSettings(List<PostgresConnectionSettings> replicas, Duration maxLag, Duration checkInterval) {

    /** The contract lets search results lag the database by up to 5 seconds. */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
    public static final ReplicaSettings NONE = new ReplicaSettings(List.of(), DEFAULT_MAX_LAG, DEFAULT_CHECK_INTERVAL);

    public ReplicaSettings {
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(maxLag, "maxLag");
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (maxLag.isNegative() || maxLag.isZero() || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("the lag bound and the check interval must be positive");
        }
    }

    public static ReplicaSettings of(List<PostgresConnectionSettings> replicas, Duration maxLag) {
        return new ReplicaSettings(replicas, maxLag, DEFAULT_CHECK_INTERVAL);
    }

    /** A check must end before the next one is due. */
    Duration checkTimeout() {
        return checkInterval;
    }
}
