package dev.carmarket.adapters.r2dbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.postgresql.client.SSLMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresConnectionSettingsTest {

    @Test
    void parsesEveryPartOfALibpqUrl() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://shop:s3cret@db.internal:6543/carmarket?sslmode=require");

        assertThat(settings.host()).isEqualTo("db.internal");
        assertThat(settings.port()).isEqualTo(6543);
        assertThat(settings.database()).isEqualTo("carmarket");
        assertThat(settings.username()).isEqualTo("shop");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(settings.sslMode().r2dbcMode()).isEqualTo(SSLMode.REQUIRE);
    }

    @Test
    void defaultsPortSslModeAndTimeoutLikeLibpq() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl("postgres://shop@localhost/carmarket");

        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.password()).isEmpty();
        assertThat(settings.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void percentDecodesUserPasswordAndDatabase() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://app%40shop:p%40ss%3Aw%2Fo+rd%25@[::1]:5433/car%20market");

        assertThat(settings.username()).isEqualTo("app@shop");
        assertThat(settings.password()).isEqualTo("p@ss:w/o+rd%");
        assertThat(settings.host()).isEqualTo("::1");
        assertThat(settings.database()).isEqualTo("car market");
    }

    @ParameterizedTest
    @CsvSource({
            "disable, DISABLE", "allow, ALLOW", "prefer, PREFER", "require, REQUIRE",
            "verify-ca, VERIFY_CA", "verify-full, VERIFY_FULL"})
    void mapsEverySslModeToTheDriverAndToJdbc(String libpq, SSLMode driverMode) {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://u:p@h/d?sslmode=" + libpq);

        assertThat(settings.sslMode().r2dbcMode()).isEqualTo(driverMode);
        assertThat(settings.jdbcUrl()).contains("sslmode=" + libpq);
    }

    @Test
    void derivesAJdbcUrlWithoutCredentials() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://shop:s3cret@db.internal:6543/carmarket?sslmode=verify-full&connect_timeout=3");

        assertThat(settings.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6543/carmarket?sslmode=verify-full")
                .contains("connectTimeout=3")
                .doesNotContain("s3cret").doesNotContain("shop");
        assertThat(settings.jdbcProperties()).containsEntry("user", "shop").containsEntry("password", "s3cret");
    }

    @Test
    void neverShowsThePassword() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://shop:Tr0ub4dor@db:5432/carmarket");

        assertThat(settings.toString()).doesNotContain("Tr0ub4dor").contains("******").contains("db").contains("shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "mysql://u:p@h/d", "postgresql://u:p@/d", "postgresql://h/d", "postgresql://:p@h/d",
            "postgresql://u:p@h", "postgresql://u:p@h/", "postgresql://u:p@h/a/b", "postgresql://u:p@h:0/d",
            "postgresql://u:p@h/d?sslmode=maybe", "postgresql://u:p@h/d?connect_timeout=soon",
            "postgresql://u:p@h/d?target_session_attrs=any", "postgresql://u:p%zz@h/d", "postgresql://u:p@h:99999/d",
            "postgresql://u:p@h/d e"})
    void rejectsMalformedUrlsNamingTheVariable(String url) {
        assertThatThrownBy(() -> PostgresConnectionSettings.fromDatabaseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DATABASE_URL ");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PostgresConnectionSettings.fromDatabaseUrl(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DATABASE_URL ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u:hunter2 x@h/d", "postgresql://u:hunter2@h/d?sslmode=hunter2x",
            "postgresql://u:hunter2%@h/d"})
    void errorMessagesNeverEchoThePassword(String url) {
        assertThatThrownBy(() -> PostgresConnectionSettings.fromDatabaseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("hunter2 x")
                        .doesNotContain("hunter2%"));
    }
}
