package dev.carmarket.adapters.r2dbc.config;

import java.time.Duration;

/**
 * Connection pool sizing. {@code maxAcquireTime} bounds the wait for a free connection so that
 * overload turns into a fast {@code STORE_UNAVAILABLE} instead of a queue that hangs requests.
 * {@code preparedStatementCacheSize} bounds the driver's per-connection prepared statement cache
 * (one entry per distinct SQL text, e.g. per search filter combination). {@code statementTimeout}
 * (5 s when serving) ends a statement on the server; {@link #callTimeout()} ends it on the client
 * too, for when the connection itself is gone.
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
        return new PoolSettings(maxSize, Duration.ofSeconds(2), Duration.ofMinutes(10), 256, Duration.ofSeconds(5));
    }

    /**
     * The same pool for batch commands (seeding, preflight): nobody waits on a fast 503, so they may
     * wait for a connection that a cold JVM on a busy host is slow to open, and run long statements
     * such as the VACUUM after a bulk load.
     */
    public PoolSettings forBatchCommands() {
        return new PoolSettings(maxSize, Duration.ofSeconds(30), maxIdleTime, preparedStatementCacheSize,
                Duration.ofMinutes(10));
    }

    /** The client-side bound of one call: the server's statement timeout plus a second for its reply. */
    public Duration callTimeout() {
        return statementTimeout.plusSeconds(1);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
