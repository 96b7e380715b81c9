package dev.carmarket.adapters.r2dbc.migration;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the latest version with Flyway over JDBC (the only use of JDBC here).
 * It blocks: call it once at startup, before the service serves, never on an event loop.
 * Several instances starting at once are safe: Flyway serializes them with an advisory lock.
 */
public final class DatabaseMigrator {

    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "db/migration";

    private final PostgresConnectionSettings settings;

    public DatabaseMigrator(PostgresConnectionSettings settings) {
        this.settings = settings;
    }

    /** @return how many migrations this call applied (0 when the schema was already current) */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** The version the database is at after {@link #migrate()}, e.g. {@code "1"}; empty when unmigrated. */
    public String currentVersion() {
        var current = flyway().info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                .locations("classpath:" + LOCATION)
                // A migration edited after it ran is a mistake to stop on, not to repair silently.
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load();
    }
}
