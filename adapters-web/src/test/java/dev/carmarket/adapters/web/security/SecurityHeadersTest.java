package dev.carmarket.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.CheckoutFlow;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.testing.TestCars;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Every route class, success and failure alike, carries the exact helmet 8 baseline of docs/security.md. */
class SecurityHeadersTest extends WebAdapterTest {

    static final String CAR = "1a2b3c4d-0000-4000-8000-0000000000a1";
    static final String SECOND_CAR = "1a2b3c4d-0000-4000-8000-0000000000a2";

    /** Written out from docs/security.md, not read from the code under test. */
    static final Map<String, String> BASELINE = Map.ofEntries(
            Map.entry("Content-Security-Policy", "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
                    + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';"
                    + "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                    + "upgrade-insecure-requests"),
            Map.entry("Cross-Origin-Opener-Policy", "same-origin"),
            Map.entry("Cross-Origin-Resource-Policy", "same-origin"),
            Map.entry("Origin-Agent-Cluster", "?1"),
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-DNS-Prefetch-Control", "off"),
            Map.entry("X-Download-Options", "noopen"),
            Map.entry("X-Frame-Options", "SAMEORIGIN"),
            Map.entry("X-Permitted-Cross-Domain-Policies", "none"),
            Map.entry("X-XSS-Protection", "0"));

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        SearchCarsUseCase failing = query -> Mono.error(new IllegalStateException("boom"));
        return harness.cars(TestCars.car().id(CAR).build(), TestCars.car().id(SECOND_CAR).build())
                .override(SearchCarsUseCase.class, failing);
    }

    record RouteClass(String name, int status, boolean noStore,
            Function<SecurityHeadersTest, WebTestClient.ResponseSpec> request) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RouteClass> routeClasses() {
        return Stream.of(
                // The search use case is a failing double: its 500 is the "internal failure" route class.
                new RouteClass("500 (search)", 500, false, test -> test.client.get()
                        .uri("/car-details/search").exchange()),
                new RouteClass("details", 200, false, test -> test.client.get()
                        .uri("/car-details/" + CAR).exchange()),
                new RouteClass("order", 201, true, test -> test.flow.postJson("/orders",
                        CheckoutFlow.pickupOrderBody(SECOND_CAR))),
                new RouteClass("order error", 404, true, test -> test.client.get()
                        .uri("/orders/5d1c2b3a-0000-4000-8000-999999999999").exchange()),
                new RouteClass("payment error", 404, true, test -> test.flow.postJson("/payments",
                        CheckoutFlow.cardPaymentBody("5d1c2b3a-0000-4000-8000-999999999999"))),
                new RouteClass("payment read error", 400, true, test -> test.client.get()
                        .uri("/payments/not-a-uuid").exchange()),
                new RouteClass("webhook", 401, true, test -> test.flow.deliverWebhook(null, "{}")),
                new RouteClass("404", 404, false, test -> test.client.get().uri("/no/such/route").exchange()),
                new RouteClass("405", 405, false, test -> test.client.delete()
                        .uri("/car-details/" + CAR).exchange()),
                new RouteClass("413", 413, true, test -> test.client.post().uri("/orders")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[64 * 1024 + 1]).exchange()),
                new RouteClass("HEAD", 200, false, test -> test.client.head()
                        .uri("/car-details/" + CAR).exchange()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeClasses")
    void everyResponseCarriesTheExactBaselineAndNoServerBanner(RouteClass routeClass) {
        HttpHeaders headers = routeClass.request().apply(this).expectStatus().isEqualTo(routeClass.status())
                .expectBody().returnResult().getResponseHeaders();

        BASELINE.forEach((name, value) -> assertThat(headers.getValuesAsList(name)).as(name).containsExactly(value));
        assertThat(headers.containsHeader("X-Powered-By")).isFalse();
        assertThat(headers.containsHeader("Server")).isFalse();
        if (routeClass.noStore()) {
            assertThat(headers.getCacheControl()).isEqualTo("no-store");
        }
    }

    @Test
    void aPaymentWithItsOrderIsNotStoredByCaches() {
        String orderId = flow.placeOrder(CAR).get("id").asText();
        String paymentId = flow.startPayment(orderId).get("id").asText();

        for (String path : new String[] {"/orders/" + orderId, "/payments/" + paymentId}) {
            HttpHeaders headers = client.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseHeaders();
            assertThat(headers.getCacheControl()).as(path).isEqualTo("no-store");
            BASELINE.forEach((name, value) -> assertThat(headers.getFirst(name)).as(name).isEqualTo(value));
        }
    }
}
