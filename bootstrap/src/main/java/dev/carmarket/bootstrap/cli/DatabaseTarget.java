package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.system.SystemTimeSource;
import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener;
import dev.carmarket.bootstrap.settings.DatabaseSettings;

/** The adapters a command works on, on their own pool. */
final class DatabaseTarget {

    private DatabaseTarget() {
    }

    /** The adapters on their own pool, closed by the caller; commands record no query metrics. */
    static R2dbcPersistence connect(DatabaseSettings database) {
        return R2dbcPersistence.create(database.connection(), database.pool().forBatchCommands(),
                database.replicas(), new SystemTimeSource(), QueryObserver.NONE, ReadRoutingListener.NONE);
    }
}
