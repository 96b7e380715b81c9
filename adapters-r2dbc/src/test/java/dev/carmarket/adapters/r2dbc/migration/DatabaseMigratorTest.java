package dev.carmarket.adapters.r2dbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Migrates a brand-new database from empty to the latest version. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseMigratorTest {

    private static TestDatabase database;

    @BeforeAll
    static void createEmptyDatabase() {
        database = TestDatabase.createEmpty("migrator");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    @Order(1)
    void migratesAnEmptyDatabaseToTheLatestVersionAndThenDoesNothing() throws SQLException {
        DatabaseMigrator migrator = new DatabaseMigrator(database.settings());
        assertThat(migrator.currentVersion()).isEmpty();

        assertThat(migrator.migrate()).isEqualTo(MigrationFiles.versions().size());

        assertThat(migrator.currentVersion()).isEqualTo(latestShippedVersion());
        assertThat(migrator.migrate()).isZero();
        assertThat(names(database.settings(), "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
                .contains("cars", "orders", "payments", "idempotency_keys", "processed_payment_events");
        assertThat(names(database.settings(), "SELECT sequence_name FROM information_schema.sequences"))
                .contains("order_number_seq");
    }

    @Test
    @Order(2)
    void createsTheRuleAndSearchIndexes() throws SQLException {
        assertThat(names(database.settings(), "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
                .contains("orders_one_live_order_per_car", "payments_one_active_payment_per_order",
                        "orders_pending_expiry_idx", "cars_available_listed_at_idx", "cars_available_price_idx",
                        "cars_available_year_idx", "cars_available_mileage_idx", "cars_available_make_model_idx",
                        "cars_title_trgm_idx", "cars_make_trgm_idx", "cars_model_trgm_idx");
        assertThat(names(database.settings(), "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
                .as("the sort indexes of V1 and V2, replaced by the partial covering ones of V4")
                .doesNotContain("cars_status_price_idx", "cars_status_year_idx", "cars_status_mileage_idx",
                        "cars_status_listed_at_idx", "cars_status_price_cover_idx", "cars_status_year_cover_idx",
                        "cars_status_mileage_cover_idx", "cars_make_model_idx");
        assertThat(names(database.settings(), "SELECT stxname FROM pg_statistic_ext"))
                .contains("cars_make_model_dependency");
        assertThat(names(database.settings(), "SELECT extname FROM pg_extension")).contains("pg_trgm");
    }

    private static String latestShippedVersion() {
        return String.valueOf(MigrationFiles.versions().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    private static List<String> names(PostgresConnectionSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
