package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance: with a complete production environment the jar migrates a real database and serves. */
class PostgresServeIT {

    @Test
    void production_mode_migrates_and_serves_car_search_from_postgres() {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create();
             CarmarketProcess process = CarmarketProcess.start(ProductionEnvironment.of(port, database.url()))) {
            process.awaitListening(port, Duration.ofSeconds(60));

            HttpResponse<String> search = ProductionEnvironment.get(port, "/car-details/search?limit=5");

            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            JsonNode body = JsonMapper.builder().build().readTree(search.body());
            assertThat(body.path("success").asBoolean()).isTrue();
            assertThat(body.path("data").isArray()).isTrue();
            assertThat(body.path("pagination").path("total").asLong()).isZero(); // migrated, nothing seeded
            assertThat(search.headers().firstValue("Server")).isEmpty();
            // No actuator endpoint is reachable over HTTP, not even with the internal token.
            assertThat(ProductionEnvironment.get(port, "/actuator/health").statusCode()).isEqualTo(401);
            assertThat(InternalHttp.get(port, "/actuator/health", "it-actuator").statusCode()).isEqualTo(404);
            // LOG_FORMAT defaults to JSON lines in production.
            assertThat(process.stdout().lines().filter(line -> !line.isBlank()))
                    .isNotEmpty()
                    .allMatch(line -> line.startsWith("{") && line.contains("\"@timestamp\""));
            assertThat(process.stdout()).contains("Using PostgreSQL at 127.0.0.1:5432/");

            // A stop signal is a normal, graceful stop.
            assertThat(process.stop("TERM", Duration.ofSeconds(20))).as(process.stdout()).isZero();
            assertThat(CarmarketProcess.isListening(port)).isFalse();
        }
    }
}
