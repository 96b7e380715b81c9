package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.inmemory.system.SystemTimeSource;
import dev.carmarket.adapters.r2dbc.QueryObserver;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.bootstrap.settings.DatabaseSettings;
import java.time.Duration;

/** The database of a command: how output names it (never with credentials) and the adapters on it. */
final class DatabaseTarget {

    private DatabaseTarget() {
    }

    static String describe(DatabaseSettings database) {
        PostgresConnectionSettings connection = database.connection();
        return connection.host() + ":" + connection.port() + "/" + connection.database();
    }

    /**
     * Commands are batch work with nobody waiting on a fast 503: they may wait this long for a
     * connection, which a cold JVM on a busy host can take to open.
     */
    private static final Duration COMMAND_ACQUIRE_TIME = Duration.ofSeconds(30);

    /** The adapters on their own pool, closed by the caller; commands record no query metrics. */
    static R2dbcPersistence connect(DatabaseSettings database) {
        return R2dbcPersistence.create(database.connection(), database.pool().withMaxAcquireTime(COMMAND_ACQUIRE_TIME),
                new SystemTimeSource(), QueryObserver.NONE);
    }
}
