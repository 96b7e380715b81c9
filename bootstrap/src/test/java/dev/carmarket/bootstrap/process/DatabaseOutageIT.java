package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance: PostgreSQL goes away (a proxy the test controls is cut, then stalls) and comes back.
 * Liveness never notices; readiness and the business routes answer 503 within the check timeout;
 * both recover by themselves, without a restart.
 */
class DatabaseOutageIT {

    /** The readiness check's timeout (1.5 s) plus what an HTTP round trip on a busy CI box may add. */
    private static final Duration READINESS_BOUND = Duration.ofMillis(3000);

    private static final Pattern READINESS_GAUGE = Pattern.compile("(?m)^readiness_status(?:\\{[^}]*\\})? (\\S+)$");

    private final AtomicInteger requestNumber = new AtomicInteger();

    @Test
    void livenessStaysUpWhileReadinessAndBusinessRoutesFollowTheDatabase() {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create();
             TcpProxy postgres = TcpProxy.to(5432);
             CarmarketProcess process = CarmarketProcess.start(
                     ProductionEnvironment.of(port, database.urlVia(postgres.port())))) {
            process.awaitListening(port, Duration.ofSeconds(60));

            JsonNode up = json(get(port, "/health/ready"), 200);
            assertThat(up.path("status").asString()).isEqualTo("UP");
            assertThat(up.path("checks").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(up.path("checks").path("db").path("latencyMs").isIntegralNumber()).isTrue();
            assertThat(get(port, "/car-details/search?limit=1").statusCode()).isEqualTo(200);
            assertThat(readinessGauge(port)).isEqualTo("1.0");

            postgres.cut();
            assertNotReady(port, "unreachable");
            assertThat(readinessGauge(port)).as("the gauge follows the last check").isEqualTo("0.0");
            assertLive(port);
            JsonNode refused = json(get(port, "/car-details/search?limit=1"), 503);
            assertThat(refused.path("statusCode").asInt()).isEqualTo(503);
            assertThat(refused.path("requestId").asString()).startsWith("outage-");

            postgres.restore();
            awaitReady(port);
            assertThat(get(port, "/car-details/search?limit=1").statusCode()).isEqualTo(200);
            assertThat(readinessGauge(port)).isEqualTo("1.0");

            // Slow rather than gone: connections open, answers never come in time.
            postgres.latency(Duration.ofSeconds(5));
            assertNotReady(port, "no answer within 1500 ms");
            assertLive(port);

            postgres.latency(Duration.ZERO);
            awaitReady(port);
            assertThat(process.stop("TERM", Duration.ofSeconds(30))).as(process.stdout()).isZero();
        }
    }

    private void assertNotReady(int port, String detail) {
        long started = System.nanoTime();
        JsonNode down = json(get(port, "/health/ready"), 503);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("readiness answers within its timeout").isLessThan(READINESS_BOUND);
        assertThat(down.path("status").asString()).isEqualTo("DOWN");
        assertThat(down.path("checks").path("db").path("status").asString()).isEqualTo("DOWN");
        assertThat(down.path("checks").path("db").path("detail").asString()).isEqualTo(detail);
    }

    private void assertLive(int port) {
        for (int probe = 0; probe < 5; probe++) {
            long started = System.nanoTime();
            JsonNode live = json(get(port, "/health/live"), 200);
            assertThat(live.path("status").asString()).isEqualTo("UP");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        }
    }

    /** The database is back: readiness turns UP again within a few checks, with no restart. */
    private void awaitReady(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = get(port, "/health/ready").statusCode();
        while (status != 200) {
            assertThat(System.nanoTime()).as("readiness recovered within 20 s").isLessThan(deadline);
            sleep();
            status = get(port, "/health/ready").statusCode();
        }
    }

    /** The value of {@code readiness_status} in the Prometheus scrape. */
    private String readinessGauge(int port) {
        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher gauge = READINESS_GAUGE.matcher(metrics.body());
        assertThat(gauge.find()).as("readiness_status in %s", metrics.body()).isTrue();
        return gauge.group(1);
    }

    private HttpResponse<String> get(int port, String path) {
        return InternalHttp.get(port, path, "outage-" + requestNumber.incrementAndGet());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        return InternalHttp.json(response);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
