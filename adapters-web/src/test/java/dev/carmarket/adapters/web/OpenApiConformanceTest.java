package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.CheckoutFlow.cardPaymentBody;
import static dev.carmarket.adapters.web.support.CheckoutFlow.pickupOrderBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReadinessProbe;
import dev.carmarket.adapters.web.health.ReadinessReport;
import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebhookSigner;
import dev.carmarket.adapters.web.support.openapi.ApiOperation;
import dev.carmarket.adapters.web.support.openapi.ContractCoverage;
import dev.carmarket.adapters.web.support.openapi.HttpExchange;
import dev.carmarket.adapters.web.support.openapi.OpenApiContract;
import dev.carmarket.adapters.web.support.openapi.RawRequest;
import dev.carmarket.adapters.web.support.openapi.RouterOperations;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import dev.carmarket.ports.testing.TestCars;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's real answers, on a real server, against contract/openapi.yaml, both ways: every answer
 * here (status, headers, content type, body; for a success the request too) is what the contract documents
 * for its operation, and every status the contract documents for a route the adapter serves is answered by
 * some request here. The answers any route gives (405, 414, 431 and the HTTP decoder's 400; 413 and 415 for
 * a POST) are asked of every route the router serves, so a new route is held to them without a line here.
 * The tests share the record of what was answered and run in order; the last one reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiConformanceTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    /**
     * GET /health/live answers a body built at start and uses nothing that can fail or be slow, so no
     * request can make it fail (500) or still be running at the shutdown deadline (503). Both answers come
     * from the error handler and the deadline filter, which wrap every route: provoked here on the others.
     */
    private static final Map<ApiOperation, Set<Integer>> NOT_PROVOKABLE = Map.of(
            new ApiOperation(HttpMethod.GET, "/health/live"), Set.of(500, 503));

    private static final String CAR = "0a000000-0000-4000-8000-000000000001";
    private static final String RESERVED_CAR = "0a000000-0000-4000-8000-000000000002";
    private static final String UNKNOWN_ID = "0a000000-0000-4000-8000-0000000000ff";
    private static final String BEARER = "Bearer " + WebAdapterHarness.INTERNAL_TOKEN;
    private static final byte[] OVER_64_KIB = "{}".concat(" ".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContractCoverage coverage = new ContractCoverage(CONTRACT);
    private WebAdapterHarness real;
    private SortedSet<ApiOperation> served;

    @BeforeAll
    void start() {
        real = WebAdapterHarness.builder()
                .cars(TestCars.car().id(CAR).build(), TestCars.car().id(RESERVED_CAR).status(CarStatus.RESERVED).build())
                .start();
        served = RouterOperations.of(real.routers());
    }

    @AfterAll
    void stop() {
        real.close();
    }

    @Test
    @Order(1)
    void catalogueAnswersAreDocumented() {
        WebTestClient client = real.client();
        coverage.check(client.get().uri("/car-details/search?make=Volkswagen&priceMin=100.50&limit=5&sort=price_asc"));
        coverage.check(client.get().uri("/car-details/search?limit=500&fuelType=diesel"));
        checkLookups(client, "/car-details/", CAR);
    }

    @Test
    @Order(2)
    void orderAndPaymentAnswersAreDocumented() {
        WebTestClient client = real.client();
        JsonNode order = data(coverage.check(postJson(client, "/orders", pickupOrderBody(CAR))
                .header("Idempotency-Key", "order-1")));
        coverage.check(postJson(client, "/orders", pickupOrderBody(CAR)).header("Idempotency-Key", "order-1"));
        coverage.check(postJson(client, "/orders", pickupOrderBody(RESERVED_CAR)).header("Idempotency-Key", "order-1"));
        coverage.check(postJson(client, "/orders", pickupOrderBody(RESERVED_CAR)));
        coverage.check(postJson(client, "/orders", pickupOrderBody(UNKNOWN_ID)));
        coverage.check(postJson(client, "/orders", "{\"carId\":\"x\",\"age\":3}"));
        String orderId = order.get("id").asString();
        checkLookups(client, "/orders/", orderId);

        JsonNode payment = data(coverage.check(postJson(client, "/payments", cardPaymentBody(orderId))
                .header("Idempotency-Key", "payment-1")));
        coverage.check(postJson(client, "/payments", cardPaymentBody(orderId)).header("Idempotency-Key", "payment-1"));
        coverage.check(postJson(client, "/payments", "{\"orderId\":\"" + orderId + "\",\"method\":\"BANK_TRANSFER\"}")
                .header("Idempotency-Key", "payment-1"));
        coverage.check(postJson(client, "/payments", cardPaymentBody(orderId)));
        coverage.check(postJson(client, "/payments", cardPaymentBody(UNKNOWN_ID)));
        coverage.check(postJson(client, "/payments", "{\"orderId\":\"" + orderId + "\",\"method\":\"CASH\"}"));
        checkLookups(client, "/payments/", payment.get("id").asString());

        String reference = payment.get("providerReference").asString();
        coverage.check(signedWebhook(client, event("evt-1", reference, "1.00")));
        coverage.check(signedWebhook(client, event("evt-2", "psp_unknown", "18990.00")));
        coverage.check(signedWebhook(client, "{\"eventId\":\"evt-3\"}"));
        coverage.check(webhook(client, "t=1,v1=00", event("evt-4", reference, "18990.00")));
        coverage.check(signedWebhook(client, event("evt-5", reference, "18990.00")));
    }

    @Test
    @Order(3)
    void healthAnswersAreDocumented() {
        WebTestClient client = real.client();
        coverage.check(client.get().uri("/health/live"));
        coverage.check(client.get().uri("/health/ready").header(HttpHeaders.AUTHORIZATION, BEARER));
        coverage.check(client.get().uri("/health/ready"));
    }

    /**
     * 405 for a method the path does not serve, 414 and 431 from the request size limits, 400 from the
     * decoder; for a POST, 415 and 413 for a body that is not JSON or too large. With the internal token,
     * so that an internal route's guard lets them reach the route.
     */
    @Test
    @Order(4)
    void everyServedRouteAnswersTheRefusalsOfAnyRouteAsDocumented() {
        WebTestClient client = real.client();
        URI base = URI.create(real.baseUrl());
        for (ApiOperation operation : served) {
            String path = operation.pathTemplate().replaceAll("\\{[^}]+}", UNKNOWN_ID);
            coverage.check(client.method(HttpMethod.DELETE).uri(path).header(HttpHeaders.AUTHORIZATION, BEARER));
            coverage.check(client.method(operation.method()).uri(path + "?pad=" + "p".repeat(5_000)));
            coverage.check(client.method(operation.method()).uri(path).header("X-Pad", "p".repeat(20_000)));
            coverage.check(RawRequest.send(base, operation.method(), path, "Bad Header: refused by the decoder"));
            if (operation.method().equals(HttpMethod.POST)) {
                coverage.check(client.post().uri(path).contentType(MediaType.TEXT_PLAIN).bodyValue("text"));
                coverage.check(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(OVER_64_KIB));
            }
        }
    }

    @Test
    @Order(5)
    void rateLimitedRoutesAnswer429AsDocumented() {
        RateLimits onePerClass = RateLimits.parse("reads=1/h:1,writes=1/h:1,webhook=1/h:1").orElseThrow();
        try (WebAdapterHarness limited = WebAdapterHarness.builder().rateLimits(onePerClass).start()) {
            WebTestClient client = limited.client();
            for (int attempt = 0; attempt < 2; attempt++) {
                coverage.check(client.get().uri("/car-details/search"));
                coverage.check(client.get().uri("/car-details/" + UNKNOWN_ID));
                coverage.check(client.get().uri("/orders/" + UNKNOWN_ID));
                coverage.check(client.get().uri("/payments/" + UNKNOWN_ID));
                coverage.check(postJson(client, "/orders", pickupOrderBody(UNKNOWN_ID)));
                coverage.check(postJson(client, "/payments", cardPaymentBody(UNKNOWN_ID)));
                coverage.check(webhook(client, "t=1,v1=00", event("evt-limited", "psp_x", "1.00")));
            }
        }
    }

    @Test
    @Order(6)
    void unexpectedFailuresAre500AsDocumented() {
        checkEveryUseCaseFailing(() -> new IllegalStateException("a bug"), () -> {
            throw new IllegalStateException("a broken probe");
        });
    }

    @Test
    @Order(7)
    void storeOutagesAre503AsDocumented() {
        checkEveryUseCaseFailing(() -> new DomainException(DomainError.STORE_UNAVAILABLE),
                () -> Mono.just(ReadinessReport.of(ReadinessCheck.down("db", "no answer within 1500 ms"))));
    }

    @Test
    @Order(8)
    void everyDocumentedStatusOfEveryServedRouteWasAnswered() {
        Map<ApiOperation, SortedSet<Integer>> unanswered = new TreeMap<>();
        for (ApiOperation operation : served) {
            SortedSet<Integer> statuses = coverage.unanswered(operation);
            statuses.removeAll(NOT_PROVOKABLE.getOrDefault(operation, Set.of()));
            if (!statuses.isEmpty()) {
                unanswered.put(operation, statuses);
            }
        }
        assertThat(unanswered).as("documented statuses no request here provoked").isEmpty();
        NOT_PROVOKABLE.forEach((operation, statuses) -> assertThat(CONTRACT.statuses(operation))
                .as("still documented for %s", operation).containsAll(statuses));
    }

    /** Every use case (and the readiness probe) fails the same way; each route is asked once. */
    private void checkEveryUseCaseFailing(Supplier<RuntimeException> failure,
            ReadinessProbe probe) {
        try (WebAdapterHarness failing = WebAdapterHarness.builder()
                .override(SearchCarsUseCase.class, criteria -> Mono.error(failure.get()))
                .override(GetCarDetailsUseCase.class, id -> Mono.error(failure.get()))
                .override(PlaceOrderUseCase.class, command -> Mono.error(failure.get()))
                .override(GetOrderUseCase.class, id -> Mono.error(failure.get()))
                .override(StartPaymentUseCase.class, command -> Mono.error(failure.get()))
                .override(GetPaymentUseCase.class, id -> Mono.error(failure.get()))
                .override(HandlePaymentEventUseCase.class, event -> Mono.error(failure.get()))
                .readinessProbe(probe)
                .start()) {
            WebTestClient client = failing.client();
            coverage.check(client.get().uri("/car-details/search"));
            coverage.check(client.get().uri("/car-details/" + UNKNOWN_ID));
            coverage.check(postJson(client, "/orders", pickupOrderBody(UNKNOWN_ID)));
            coverage.check(client.get().uri("/orders/" + UNKNOWN_ID));
            coverage.check(postJson(client, "/payments", cardPaymentBody(UNKNOWN_ID)));
            coverage.check(client.get().uri("/payments/" + UNKNOWN_ID));
            coverage.check(signedWebhook(client, event("evt-failing", "psp_x", "1.00")));
            coverage.check(client.get().uri("/health/ready").header(HttpHeaders.AUTHORIZATION, BEARER));
        }
    }

    /** A resource by its id (200), by a malformed id (400) and by an unknown one (404). */
    private void checkLookups(WebTestClient client, String pathPrefix, String id) {
        coverage.check(client.get().uri(pathPrefix + id).header("X-Request-Id", "conformance.1"));
        coverage.check(client.get().uri(pathPrefix + "not-a-uuid"));
        coverage.check(client.get().uri(pathPrefix + UNKNOWN_ID));
    }

    private static WebTestClient.RequestHeadersSpec<?> postJson(WebTestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static String event(String eventId, String providerReference, String amount) {
        return """
                {"eventId":"%s","type":"payment.succeeded","providerReference":"%s","amount":%s,"currency":"EUR",
                 "occurredAt":"2026-11-26T12:06:10Z"}""".formatted(eventId, providerReference, amount);
    }

    private static WebTestClient.RequestHeadersSpec<?> signedWebhook(WebTestClient client, String body) {
        return webhook(client, WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET,
                WebAdapterHarness.NOW.getEpochSecond(), body), body);
    }

    private static WebTestClient.RequestHeadersSpec<?> webhook(WebTestClient client, String signature, String body) {
        return client.post().uri("/payments/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Signature", signature).bodyValue(body);
    }

    private static JsonNode data(HttpExchange exchange) {
        return JSON.readTree(exchange.responseBody()).get("data");
    }
}
