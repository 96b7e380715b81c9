package dev.carmarket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import dev.carmarket.bootstrap.settings.EdgeSettingsReader;
import dev.carmarket.bootstrap.wiring.SettingsInitializer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /metrics} of the assembled application (in-memory store): the Prometheus text with every
 * series docs/observability.md lists, route templates instead of raw paths, and the decorators wired in.
 * (That /metrics needs the internal token is the InternalEndpointGuard's test, and the process tests'.)
 */
@SpringBootTest(classes = CarmarketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MetricsEndpointTest.ReportingSettings.class)
class MetricsEndpointTest {

    static final String INTERNAL_TOKEN = "metrics-test-internal-token-0123456789";

    /** Development settings, with POST /orders in report mode so that unknown body properties are counted. */
    static class ReportingSettings extends SettingsInitializer {
        ReportingSettings() {
            super(CarmarketSettingsReader.read(Map.of(
                    EdgeSettingsReader.INTERNAL_TOKEN, INTERNAL_TOKEN,
                    EdgeSettingsReader.STRICT_VALIDATION, "POST /orders=report")));
        }
    }

    @LocalServerPort
    private int port;

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void metrics_is_prometheus_text_with_every_required_family() {
        // http_server_requests_seconds appears with the first request that completed.
        http.get().uri("/health/live").exchange().expectStatus().isOk();
        String scrape = scrape();

        assertThat(families(scrape)).contains("readiness_status", "db_failures_total", "orders_placed_total",
                "payments_total", "payment_webhooks_total", "strict_validation_unknown_fields_total",
                "jvm_memory_used_bytes", "process_cpu_usage", "http_server_requests_seconds");
        assertThat(scrape).contains("readiness_status 1.0");
    }

    /** The actuator's base path is "/": any other endpoint it exposed would appear right there. */
    @ParameterizedTest
    @ValueSource(strings = {"/health", "/info", "/env", "/beans", "/configprops", "/loggers", "/heapdump",
        "/threaddump", "/prometheus", "/metrics/jvm.memory.used"})
    void no_other_actuator_endpoint_is_exposed(String path) {
        http.get().uri(path).header("Authorization", "Bearer " + INTERNAL_TOKEN).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void the_uri_label_is_the_route_template_and_every_unmatched_path_is_one_value() {
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        http.get().uri("/car-details/" + firstId).exchange().expectStatus().isNotFound();
        http.get().uri("/car-details/" + secondId).exchange().expectStatus().isNotFound();
        http.get().uri("/no/such/path-" + firstId).exchange().expectStatus().isNotFound();
        http.get().uri("/").exchange().expectStatus().isNotFound();

        String scrape = scrape();

        assertThat(scrape)
                .contains("method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/car-details/{id}\"")
                .contains("method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"unmatched\"")
                .doesNotContain(firstId, secondId, "/no/such")
                // the SLO buckets of application.yml, not a percentiles histogram
                .contains("uri=\"/car-details/{id}\",le=\"0.5\"}", "uri=\"/car-details/{id}\",le=\"2.5\"}");
        assertThat(bucketBounds(scrape, "uri=\"/car-details/{id}\"")).hasSize(11);
    }

    @Test
    void an_unknown_property_in_report_mode_is_counted_by_route_and_mode_never_by_name() {
        String carId = firstCarId();
        http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678",
                 "loyaltyTier":"gold"},"deliveryOption":"PICKUP"}""".formatted(carId))
                .exchange().expectStatus().isCreated();

        String scrape = scrape();

        assertThat(scrape)
                .contains("strict_validation_unknown_fields_total{mode=\"report\",route=\"POST /orders\"} 1.0")
                .contains("orders_placed_total{outcome=\"created\"} 1.0")
                .contains("db_query_seconds_count{outcome=\"success\",query=\"order.insert\"} 1")
                .doesNotContain("loyaltyTier", "jane@example.com", carId);
    }

    private String firstCarId() {
        String body = http.get().uri("/car-details/search?limit=1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return body.replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private String scrape() {
        return http.get().uri("/metrics").header("Authorization", "Bearer " + INTERNAL_TOKEN).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).startsWith("text/plain"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The metric family of each {@code # TYPE} line. */
    private static List<String> families(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2]).toList();
    }

    private static List<String> bucketBounds(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{") && line.contains(series)
                        && line.contains("status=\"404\""))
                .map(line -> Arrays.stream(line.split("le=\"")).skip(1).findFirst().orElseThrow())
                .toList();
    }
}
