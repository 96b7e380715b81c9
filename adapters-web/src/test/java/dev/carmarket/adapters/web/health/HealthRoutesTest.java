package dev.carmarket.adapters.web.health;

import static dev.carmarket.adapters.web.support.ContractAssertions.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** {@code /health/live} never depends on anything; {@code /health/ready} follows the probe, 200 or 503. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthRoutesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<Mono<ReadinessReport>> nextReport = new AtomicReference<>();
    private WebAdapterHarness harness;
    private WebTestClient client;

    @BeforeAll
    void start() {
        harness = WebAdapterHarness.builder().readinessProbe(() -> nextReport.get()).start();
        client = harness.client();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @BeforeEach
    void databaseUp() {
        nextReport.set(Mono.just(ReadinessReport.of(ReadinessCheck.up("db", Duration.ofMillis(3)))));
    }

    @Test
    void livenessIsUpWithTheReleaseAndNeverCached() {
        client.get().uri("/health/live").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().exists(REQUEST_ID)
                .expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), """
                        {"status":"UP","version":"1.2.3-test"}"""));
    }

    @Test
    void livenessStaysUpWhileTheProbeSaysDownOrFails() {
        nextReport.set(Mono.just(ReadinessReport.of(ReadinessCheck.down("db", "unavailable"))));
        client.get().uri("/health/live").exchange().expectStatus().isOk();
        nextReport.set(Mono.error(new IllegalStateException("probe broke")));
        client.get().uri("/health/live").exchange().expectStatus().isOk();
    }

    @Test
    void readinessIsUpWithEachCheckAndItsLatency() {
        ready().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), """
                        {"status":"UP","checks":{"db":{"status":"UP","latencyMs":3}}}"""));
    }

    @Test
    void readReplicasAreListedWithTheirStateAndLagButNeverMakeTheInstanceUnready() {
        nextReport.set(Mono.just(new ReadinessReport(List.of(ReadinessCheck.up("db", Duration.ofMillis(3))), List.of(
                new ReplicaStatus("10.0.0.2:5432/carmarket", "UP", Optional.of(Duration.ofMillis(12)), Optional.empty()),
                new ReplicaStatus("10.0.0.3:5432/carmarket", "LAGGING", Optional.of(Duration.ofMillis(7250)),
                        Optional.of("replay lag over 5000 ms")),
                new ReplicaStatus("10.0.0.4:5432/carmarket", "DOWN", Optional.empty(), Optional.of("unreachable"))))));

        ready().expectStatus().isOk()
                .expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), """
                        {"status":"UP","checks":{"db":{"status":"UP","latencyMs":3}},"replicas":{
                          "10.0.0.2:5432/carmarket":{"status":"UP","lagMs":12},
                          "10.0.0.3:5432/carmarket":{"status":"LAGGING","lagMs":7250,"detail":"replay lag over 5000 ms"},
                          "10.0.0.4:5432/carmarket":{"status":"DOWN","detail":"unreachable"}}}"""));
    }

    @Test
    void readinessIs503WithTheFailingCheckWhenAnyCheckIsDown() {
        nextReport.set(Mono.just(ReadinessReport.of(
                ReadinessCheck.down("lifecycle", "shutting down"),
                ReadinessCheck.up("store", "in-memory"))));

        ready().expectStatus().isEqualTo(503)
                .expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), """
                        {"status":"DOWN","checks":{
                          "lifecycle":{"status":"DOWN","detail":"shutting down"},
                          "store":{"status":"UP","detail":"in-memory"}}}"""));
    }

    @Test
    void aProbeThatFailsOrAnswersNothingIsNotReadyRatherThanAnError() {
        String probeFailed = """
                {"status":"DOWN","checks":{"probe":{"status":"DOWN","detail":"probe failed"}}}""";
        nextReport.set(Mono.error(new IllegalStateException("probe broke")));
        ready().expectStatus().isEqualTo(503).expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), probeFailed));
        nextReport.set(Mono.empty());
        ready().expectStatus().isEqualTo(503).expectBody(String.class).consumeWith(body -> assertSameJson(body.getResponseBody(), probeFailed));
    }

    @Test
    void readinessRecoversAsSoonAsTheProbeDoes() {
        nextReport.set(Mono.just(ReadinessReport.of(ReadinessCheck.down("db", "unavailable"))));
        ready().expectStatus().isEqualTo(503);
        databaseUp();
        ready().expectStatus().isOk();
    }

    @Test
    void aReportWithoutChecksIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadinessReport(List.of(), List.of()));
    }

    private static void assertSameJson(String actual, String expected) {
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
    }

    private WebTestClient.ResponseSpec ready() {
        return client.get().uri("/health/ready")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + WebAdapterHarness.INTERNAL_TOKEN)
                .exchange();
    }
}
