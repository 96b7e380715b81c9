package dev.carmarket.adapters.r2dbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class PostgresConnectionSettingsPropertiesTest {

    @Property
    void percentEncodedCredentialsAndDatabaseComeBackExactly(
            @ForAll @StringLength(min = 1, max = 24) @CharRange(from = ' ', to = '~') @CharRange(from = '\u00a0', to = '\u00ff') String user,
            @ForAll @StringLength(max = 24) @CharRange(from = ' ', to = '~') @CharRange(from = '\u00a0', to = '\u00ff') String password,
            @ForAll @StringLength(min = 1, max = 24) @CharRange(from = ' ', to = '~') String database) {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://" + encode(user) + ":" + encode(password) + "@db.example:5432/" + encode(database));

        assertThat(settings.username()).isEqualTo(user);
        assertThat(settings.password()).isEqualTo(password);
        assertThat(settings.database()).isEqualTo(database);
        assertThat(settings.jdbcProperties().getProperty("password")).isEqualTo(password);
    }

    @Property
    void neitherToStringNorTheJdbcUrlEverShowThePassword(
            @ForAll @StringLength(min = 12, max = 40) @CharRange(from = '!', to = '~') String password) {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://shop:" + encode(password) + "@db.example:5432/carmarket?sslmode=require");

        assertThat(settings.toString()).doesNotContain(password);
        assertThat(settings.jdbcUrl()).doesNotContain(password).doesNotContain(encode(password));
    }

    /** Percent-encoding as a URL's user info and path need it (a space is %20, never '+'). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
