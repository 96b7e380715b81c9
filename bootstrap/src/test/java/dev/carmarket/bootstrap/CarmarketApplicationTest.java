package dev.carmarket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.scheduling.OrderExpiryScheduler;
import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import dev.carmarket.bootstrap.settings.EdgeSettingsReader;
import dev.carmarket.bootstrap.wiring.SettingsInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assembled application on a random port with the in-memory store (no DATABASE_URL), driven
 * over real HTTP through the whole purchase: search, details, order, payment, signed webhook.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = CarmarketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CarmarketApplicationTest.DevelopmentSettings.class)
class CarmarketApplicationTest {

    /** The settings an empty environment gives: development, in-memory store, the development webhook secret. */
    static class DevelopmentSettings extends SettingsInitializer {
        DevelopmentSettings() {
            super(CarmarketSettingsReader.read(Map.of()));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private OrderExpiryScheduler orderExpiryScheduler;

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void a_car_is_found_ordered_paid_by_signed_webhook_and_the_order_becomes_paid() {
        JsonNode firstCar = get("/car-details/search?limit=1&sort=price_asc", HttpStatus.OK).path("data").get(0);
        String carId = firstCar.path("id").asString();

        JsonNode details = get("/car-details/" + carId, HttpStatus.OK).path("data");
        assertThat(details.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(details.path("price")).isEqualTo(firstCar.path("price"));

        JsonNode order = post("/orders", """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"PICKUP"}""".formatted(carId), Map.of(), HttpStatus.CREATED).path("data");
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("amount").decimalValue())
                .isEqualByComparingTo(details.path("price").path("amount").decimalValue());
        assertThat(order.path("customer").path("email").asString()).isEqualTo("j***@example.com");
        // ORDER_TTL (default 30 minutes) reached the core.
        assertThat(Duration.between(Instant.parse(order.path("createdAt").asString()),
                Instant.parse(order.path("expiresAt").asString()))).isEqualTo(Duration.ofMinutes(30));
        String orderId = order.path("id").asString();

        JsonNode payment = post("/payments", """
                {"orderId":"%s","method":"CARD"}""".formatted(orderId), Map.of(), HttpStatus.CREATED).path("data");
        assertThat(payment.path("status").asString()).isEqualTo("PENDING");

        String event = """
                {"eventId":"evt_bootstrap_1","type":"payment.succeeded","providerReference":"%s",
                 "amount":%s,"currency":"%s","occurredAt":"%s"}""".formatted(
                payment.path("providerReference").asString(), payment.path("amount").decimalValue().toPlainString(),
                payment.path("currency").asString(), Instant.now());
        JsonNode acknowledged = post("/payments/webhook", event, Map.of("X-Signature", signature(event)),
                HttpStatus.OK);
        assertThat(acknowledged.path("data").path("received").asBoolean()).isTrue();

        assertThat(get("/orders/" + orderId, HttpStatus.OK).path("data").path("status").asString()).isEqualTo("PAID");
        assertThat(get("/payments/" + payment.path("id").asString(), HttpStatus.OK).path("data").path("status")
                .asString()).isEqualTo("CAPTURED");
        assertThat(get("/car-details/" + carId, HttpStatus.OK).path("data").path("status").asString())
                .isEqualTo("SOLD");
    }

    @Test
    void a_webhook_signed_with_another_key_is_refused() {
        String event = """
                {"eventId":"evt_forged","type":"payment.succeeded","providerReference":"psp_0",
                 "amount":1.00,"currency":"EUR","occurredAt":"%s"}""".formatted(Instant.now());
        long now = Instant.now().getEpochSecond();
        String forged = "t=" + now + ",v1=" + hmac("some-other-key", now + "." + event);

        post("/payments/webhook", event, Map.of("X-Signature", forged), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_in_memory_store_is_announced_and_the_demo_cars_are_searchable(CapturedOutput output) {
        assertThat(output.getAll()).contains(
                "Using the in-memory store with 500 demo cars (no DATABASE_URL): data is lost on restart");
        assertThat(get("/car-details/search", HttpStatus.OK).path("pagination").path("total").asLong())
                .isPositive().isLessThanOrEqualTo(500);
    }

    @Test
    void no_actuator_endpoint_and_no_server_header_are_exposed() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist("Server");
        http.get().uri("/actuator").exchange().expectStatus().isNotFound();
    }

    @Test
    void an_oversized_request_line_is_refused_before_routing() {
        http.get().uri("/car-details/search?q=" + "a".repeat(8 * 1024)).exchange()
                .expectStatus().isEqualTo(HttpStatus.URI_TOO_LONG);
    }

    @Test
    void order_expiry_runs_inside_the_application() {
        assertThat(orderExpiryScheduler.isRunning()).isTrue();
    }

    private JsonNode get(String path, HttpStatus expected) {
        byte[] body = http.get().uri(path).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode post(String path, String json, Map<String, String> headers, HttpStatus expected) {
        byte[] body = http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::add))
                .bodyValue(json.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** The provider's signature: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}. */
    private static String signature(String body) {
        long now = Instant.now().getEpochSecond();
        return "t=" + now + ",v1=" + hmac(EdgeSettingsReader.DEVELOPMENT_WEBHOOK_SECRET, now + "." + body);
    }

    private static String hmac(String key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
