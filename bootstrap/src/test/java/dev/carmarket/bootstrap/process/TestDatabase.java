package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test, on the local server (127.0.0.1:5432, user
 * postgres, trust auth), dropped on close. An unreachable server fails the test: it is never skipped.
 * Shared with the reliability module through bootstrap's test-jar.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String USER = "postgres";

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String name = "carmarket_it_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    /** The {@code DATABASE_URL} of this database. */
    public String url() {
        return urlVia(5432);
    }

    /** The {@code DATABASE_URL} of this database reached through another loopback port (a {@link TcpProxy}). */
    public String urlVia(int port) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + name + "?sslmode=disable";
    }

    /** For a JDBC connection of its own: {@code jdbc:postgresql://127.0.0.1:5432/<name>}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException unreachable) {
            fail("PostgreSQL must accept connections at 127.0.0.1:5432 as user postgres (trust auth) for this"
                    + " test (see .ci/ensure-postgres.sh): " + unreachable.getMessage(), unreachable);
        }
    }
}
