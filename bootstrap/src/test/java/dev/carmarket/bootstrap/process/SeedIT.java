package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.demo.DemoCarGenerator;
import dev.carmarket.ports.domain.car.CarStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance: {@code --seed=N} fills an empty database once, and the service then finds the cars. */
class SeedIT {

    private static final int CARS = 2000;

    @Test
    void seeds_an_empty_database_refuses_a_second_seed_and_serves_the_cars() {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> environment = ProductionEnvironment.of(port, database.url());

            try (CarmarketProcess seed = CarmarketProcess.start(environment, "--seed=" + CARS)) {
                assertThat(seed.awaitExitWithoutListening(port, Duration.ofSeconds(90)))
                        .as("stderr: %s", seed.stderr()).isZero();
                assertThat(seed.stdout()).containsPattern("carmarket seed: loaded " + CARS + " cars in \\d+\\.\\d s");
            }
            try (CarmarketProcess again = CarmarketProcess.start(environment, "--seed=10")) {
                assertThat(again.awaitExitWithoutListening(port, Duration.ofSeconds(60))).isNotZero();
                assertThat(again.stderr()).contains("refusing to seed").contains("already holds " + CARS + " car(s)")
                        .doesNotContain("\tat ");
            }
            try (CarmarketProcess service = CarmarketProcess.start(environment)) {
                service.awaitListening(port, Duration.ofSeconds(60));

                HttpResponse<String> search = ProductionEnvironment.get(port, "/car-details/search?limit=100");

                assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
                JsonNode body = JsonMapper.builder().build().readTree(search.body());
                assertThat(body.path("data").size()).isEqualTo(100);
                assertThat(body.path("pagination").path("total").asLong()).isEqualTo(availableDemoCars());
                // PM2 stops with SIGINT: a normal stop too.
                assertThat(service.stop("INT", Duration.ofSeconds(20))).as(service.stdout()).isZero();
            }
        }
    }

    /** Search counts only AVAILABLE cars; the demo data also holds reserved and sold ones. */
    private static long availableDemoCars() {
        return new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(CARS)
                .filter(car -> car.summary().status() == CarStatus.AVAILABLE)
                .count();
    }
}
