package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import java.util.Objects;

/** PostgreSQL from {@code DATABASE_URL} (its {@code toString()} hides the password) and {@code DATABASE_POOL_MAX}. */
public record DatabaseSettings(PostgresConnectionSettings connection, PoolSettings pool) {

    public DatabaseSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pool, "pool");
    }
}
