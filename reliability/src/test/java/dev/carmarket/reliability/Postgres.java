package dev.carmarket.reliability;

import dev.carmarket.bootstrap.process.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestDatabase} of its own for one scenario (dropped on close), plus the read-only audit queries.
 */
final class Postgres implements AutoCloseable {

    static final int PORT = 5432;
    private static final String USER = "postgres";

    private final TestDatabase database;

    private Postgres(TestDatabase database) {
        this.database = database;
    }

    static Postgres createDatabase() {
        return new Postgres(TestDatabase.create());
    }

    /** The service's {@code DATABASE_URL}, reaching PostgreSQL through {@code port} (5432 or a proxy). */
    String serviceUrl(int port) {
        return database.urlVia(port);
    }

    /** Rows as column name -> value, in order. */
    List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("audit query failed: " + sql, failed);
        }
    }

    long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** A fingerprint of every business table, to prove that rejected requests changed nothing. */
    String snapshot() {
        return query("SELECT (SELECT count(*) FROM cars) AS cars,"
                + " (SELECT md5(string_agg(id || status, ',' ORDER BY id)) FROM cars) AS car_statuses,"
                + " (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM payments) AS payments,"
                + " (SELECT count(*) FROM idempotency_keys) AS keys,"
                + " (SELECT count(*) FROM processed_payment_events) AS events").get(0).toString();
    }

    @Override
    public void close() {
        database.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/" + database.name(), USER, "");
    }
}
