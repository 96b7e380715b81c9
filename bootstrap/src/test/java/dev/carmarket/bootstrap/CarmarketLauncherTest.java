package dev.carmarket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.cli.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's command-line behaviour that needs neither Spring nor a database. */
class CarmarketLauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(Map<String, String> environment, String... args) {
        return new CarmarketLauncher(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).launch(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_invalid_environment_prints_one_line_per_problem_and_exits_with_the_config_status() {
        int status = launch(Map.of("APP_ENV", "production", "CORS_ALLOWED_ORIGINS", "*", "PORT", "0"), "--preflight");

        assertThat(status).isEqualTo(ExitStatus.CONFIG);
        assertThat(stderr().lines()).allMatch(line -> line.startsWith("carmarket: configuration error: "))
                .anyMatch(line -> line.startsWith("carmarket: configuration error: PORT: "))
                .anyMatch(line -> line.startsWith("carmarket: configuration error: CORS_ALLOWED_ORIGINS: "))
                .anyMatch(line -> line.startsWith("carmarket: configuration error: DATABASE_URL: "))
                .hasSize(6);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void an_unknown_argument_is_a_usage_error_before_the_environment_is_read() {
        int status = launch(Map.of("PORT", "0"), "--frobnicate");

        assertThat(status).isEqualTo(ExitStatus.USAGE);
        assertThat(stderr()).startsWith("carmarket: unknown argument '--frobnicate'").doesNotContain("PORT");
    }

    @Test
    void preflight_without_a_database_reports_the_in_memory_store_and_succeeds() {
        int status = launch(Map.of(), "--preflight");

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(stdout()).contains("carmarket preflight: configuration OK (APP_ENV=development, PORT=8080")
                .contains("in-memory store")
                .contains("shipped migrations are additive")
                .contains("carmarket preflight: OK");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void preflight_fails_in_one_line_when_the_database_is_unreachable() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        int status = launch(Map.of("DATABASE_URL", "postgresql://carmarket:secret-pw@127.0.0.1:1/carmarket"),
                "--preflight");

        assertThat(status).isEqualTo(ExitStatus.UNAVAILABLE);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("carmarket: preflight failed: database not reachable at 127.0.0.1:1/carmarket")
                .doesNotContain("secret-pw");
    }

    @Test
    void seeding_needs_a_database() {
        int status = launch(Map.of(), "--seed=10");

        assertThat(status).isEqualTo(ExitStatus.CONFIG);
        assertThat(stderr()).startsWith("carmarket: seed failed: --seed needs DATABASE_URL");
    }
}
