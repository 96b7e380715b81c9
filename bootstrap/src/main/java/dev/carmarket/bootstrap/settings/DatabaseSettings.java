package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.replica.ReplicaSettings;
import java.util.Objects;

/**
 * PostgreSQL from {@code DATABASE_URL} (its {@code toString()} hides the password) and
 * {@code DATABASE_POOL_MAX}, and the read replicas from {@code DATABASE_READ_URL} and
 * {@code DATABASE_READ_MAX_LAG} (each replica gets a pool of the same size).
 */
public record DatabaseSettings(PostgresConnectionSettings connection, PoolSettings pool, ReplicaSettings replicas) {

    public DatabaseSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(replicas, "replicas");
    }

}
