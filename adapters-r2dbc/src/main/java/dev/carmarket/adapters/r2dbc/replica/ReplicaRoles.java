package dev.carmarket.adapters.r2dbc.replica;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The start's check of what each read URL names, over JDBC on the startup thread like the migrations,
 * before anything serves: a server that answers but is not in recovery is a primary, and reading from
 * it could show data the real primary never wrote. One that does not answer is left to the periodic
 * checks (it starts DOWN).
 */
public final class ReplicaRoles {

    private ReplicaRoles() {
    }

    /** @return the {@code host:port/database} of every replica that answered as a primary */
    public static List<String> primariesAmong(List<PostgresConnectionSettings> replicas) {
        List<String> primaries = new ArrayList<>();
        for (PostgresConnectionSettings replica : replicas) {
            try (Connection connection = DriverManager.getConnection(replica.jdbcUrl(), replica.jdbcProperties());
                 Statement statement = connection.createStatement();
                 ResultSet recovery = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                if (recovery.next() && !recovery.getBoolean(1)) {
                    primaries.add(replica.server());
                }
            } catch (SQLException unreachable) {
                // Not answering now: reads skip it until a periodic check finds it in recovery.
            }
        }
        return primaries;
    }
}
