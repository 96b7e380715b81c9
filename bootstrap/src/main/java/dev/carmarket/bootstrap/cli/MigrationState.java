package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.migration.DatabaseMigrator;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Where the database's schema stands against the migrations this build ships, read-only
 * (Flyway {@code info}; {@link DatabaseMigrator} only migrates).
 *
 * @param currentVersion empty for a database no migration ran on
 * @param pending        e.g. {@code V2 add_car_indexes}, in the order they would run
 */
record MigrationState(String currentVersion, List<String> pending) {

    static MigrationState of(PostgresConnectionSettings connection) {
        MigrationInfoService info = Flyway.configure()
                .dataSource(connection.jdbcUrl(), connection.username(), connection.password())
                .locations("classpath:" + DatabaseMigrator.LOCATION)
                .load()
                .info();
        MigrationInfo current = info.current();
        List<String> pending = Arrays.stream(info.pending())
                .map(migration -> "V" + migration.getVersion() + " " + migration.getDescription())
                .toList();
        return new MigrationState(current == null ? "" : current.getVersion().getVersion(), pending);
    }
}
