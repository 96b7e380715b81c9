package dev.carmarket.adapters.r2dbc.testing;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.migration.DatabaseMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A uniquely named, migrated database ({@code carmarket_test_<random>}) on the test server, dropped
 * on {@link #close()}. The server comes from {@code CARMARKET_TEST_DATABASE_URL} (default: local
 * trust-auth PostgreSQL); when it is unreachable the tests fail with instructions, never skip.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String SERVER_VARIABLE = "CARMARKET_TEST_DATABASE_URL";
    private static final String DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable";

    private final PostgresConnectionSettings admin;
    private final PostgresConnectionSettings settings;

    private TestDatabase(PostgresConnectionSettings admin, String name) {
        this.admin = admin;
        this.settings = new PostgresConnectionSettings(admin.host(), admin.port(), name, admin.username(),
                admin.password(), admin.sslMode(), admin.connectTimeout(), admin.applicationName());
    }

    /** Creates and migrates a new database; {@code purpose} becomes part of its name. */
    public static TestDatabase createMigrated(String purpose) {
        TestDatabase database = createEmpty(purpose);
        try {
            new DatabaseMigrator(database.settings).migrate();
            return database;
        } catch (RuntimeException migrationFailed) {
            database.close();
            throw migrationFailed;
        }
    }

    /** Creates a new, empty database; {@code purpose} becomes part of its name. */
    public static TestDatabase createEmpty(String purpose) {
        PostgresConnectionSettings admin = serverSettings();
        String name = "carmarket_test_" + purpose.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + name);
        return new TestDatabase(admin, name);
    }

    public static PostgresConnectionSettings serverSettings() {
        String url = System.getenv(SERVER_VARIABLE);
        return PostgresConnectionSettings.fromDatabaseUrl(url == null || url.isBlank() ? DEFAULT_SERVER : url);
    }

    public PostgresConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
    }

    private static void execute(PostgresConnectionSettings server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.jdbcProperties());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            if ("08001".equals(failure.getSQLState()) || "08004".equals(failure.getSQLState())
                    || failure.getSQLState() == null || failure.getSQLState().startsWith("28")) {
                throw new IllegalStateException("PostgreSQL is needed for the adapters-r2dbc tests and is not"
                        + " reachable as " + server + ". Start it (e.g. 'service postgresql start') or set "
                        + SERVER_VARIABLE + " to postgresql://user:password@host:port/db of a server where that"
                        + " user may CREATE DATABASE.", failure);
            }
            throw new IllegalStateException("'" + sql + "' failed on " + server, failure);
        }
    }
}
