package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acceptance: {@code --preflight} checks configuration and database and exits without serving. */
class PreflightIT {

    @Test
    void a_good_production_environment_passes_preflight_without_listening() {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create();
             CarmarketProcess process = CarmarketProcess.start(ProductionEnvironment.of(port, database.url()),
                     "--preflight")) {
            int exitStatus = process.awaitExitWithoutListening(port, Duration.ofSeconds(60));

            assertThat(exitStatus).as("stderr: %s", process.stderr()).isZero();
            assertThat(process.stdout()).contains("configuration OK (APP_ENV=production")
                    .contains("database reachable at 127.0.0.1:5432/")
                    // A fresh database: every shipped migration is pending, listed by version.
                    .contains("schema version none (empty database)")
                    .containsPattern("pending: V1 ")
                    .contains("carmarket preflight: OK");
        }
    }

    @Test
    void an_unreachable_database_fails_preflight() {
        int port = CarmarketProcess.freePort();
        // Nothing listens on loopback port 1: the connection is refused at once.
        String unreachable = "postgresql://postgres:pw-never-shown@127.0.0.1:1/carmarket";
        try (CarmarketProcess process = CarmarketProcess.start(ProductionEnvironment.of(port, unreachable),
                "--preflight")) {
            int exitStatus = process.awaitExitWithoutListening(port, Duration.ofSeconds(60));

            assertThat(exitStatus).isNotZero();
            assertThat(process.stderr()).contains("carmarket: preflight failed: database not reachable at 127.0.0.1:1/")
                    .doesNotContain("pw-never-shown")
                    .doesNotContain("\tat ");
        }
    }

    /** Another database on the machine's own server: it answers, but as a primary. */
    @Test
    void a_read_url_that_names_a_primary_is_a_configuration_error_for_preflight_and_for_a_start() {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create(); TestDatabase notAReplica = TestDatabase.create()) {
            Map<String, String> environment = new HashMap<>(ProductionEnvironment.of(port, database.url()));
            environment.put("DATABASE_READ_URL", notAReplica.url());
            try (CarmarketProcess preflight = CarmarketProcess.start(environment, "--preflight");
                 CarmarketProcess start = CarmarketProcess.start(environment)) {
                assertThat(preflight.awaitExitWithoutListening(port, Duration.ofSeconds(60))).isEqualTo(78);
                assertThat(preflight.stderr()).contains("DATABASE_READ_URL: 127.0.0.1:5432/" + notAReplica.name()
                        + " is not in recovery: it is a primary, not a streaming replica");

                assertThat(start.awaitExitWithoutListening(port, Duration.ofSeconds(60))).isEqualTo(78);
                assertThat(start.stderr()).contains("carmarket: configuration error: DATABASE_READ_URL: 127.0.0.1:5432/"
                        + notAReplica.name() + " is not in recovery").doesNotContain("\tat ");
            }
        }
    }
}
