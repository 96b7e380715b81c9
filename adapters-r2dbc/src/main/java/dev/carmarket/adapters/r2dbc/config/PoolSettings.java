package dev.carmarket.adapters.r2dbc.config;

import java.time.Duration;

/**
 * Connection pool sizing. {@code maxAcquireTime} bounds the wait for a free connection so that
 * overload turns into a fast {@code STORE_UNAVAILABLE} instead of a queue that hangs requests.
 * {@code preparedStatementCacheSize} bounds the driver's per-connection prepared statement cache
 * (one entry per distinct SQL text, e.g. per search filter combination).
 */
public record PoolSettings(int maxSize, Duration maxAcquireTime, Duration maxIdleTime,
        int preparedStatementCacheSize, Duration statementTimeout) {

    /** Sized for a 2-core host running the service and PostgreSQL side by side. */
    public static final int DEFAULT_MAX_SIZE = 10;

    public PoolSettings {
        if (maxSize < 1) {
            throw new IllegalArgumentException("DATABASE_POOL_MAX must be at least 1");
        }
        requirePositive(maxAcquireTime, "maxAcquireTime");
        requirePositive(maxIdleTime, "maxIdleTime");
        requirePositive(statementTimeout, "statementTimeout");
        if (preparedStatementCacheSize < 1) {
            throw new IllegalArgumentException("preparedStatementCacheSize must be at least 1");
        }
    }

    public static PoolSettings defaults() {
        return withMaxSize(DEFAULT_MAX_SIZE);
    }

    public static PoolSettings withMaxSize(int maxSize) {
        return new PoolSettings(maxSize, Duration.ofSeconds(2), Duration.ofMinutes(10), 256, Duration.ofSeconds(30));
    }

    /** The same pool with another bound on the wait for a connection (batch commands can afford to wait). */
    public PoolSettings withMaxAcquireTime(Duration newMaxAcquireTime) {
        return new PoolSettings(maxSize, newMaxAcquireTime, maxIdleTime, preparedStatementCacheSize, statementTimeout);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
