package dev.carmarket.adapters.web.security;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** CORS with the exact-origin allowlist: the harness allows only https://shop.example. */
class CorsTest extends WebAdapterTest {

    static final String ALLOWED = "https://shop.example";
    static final String CAR = "1a2b3c4d-0000-4000-8000-0000000000c1";
    static final String REFUSED = "CORS request not allowed";

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(TestCars.car().id(CAR).build());
    }

    private HttpHeaders getFrom(String origin) {
        return client.get().uri("/car-details/" + CAR).header(HttpHeaders.ORIGIN, origin).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseHeaders();
    }

    private WebTestClient.ResponseSpec preflight(String origin, String method, String requestHeaders) {
        WebTestClient.RequestHeadersSpec<?> request = client.options().uri("/orders")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
        if (requestHeaders != null) {
            request.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders);
        }
        return request.exchange();
    }

    @Test
    void anAllowedOriginGetsItsOwnOriginBackAndVaryOrigin() {
        HttpHeaders headers = getFrom(ALLOWED);

        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(ALLOWED);
        assertThat(headers.getVary()).contains("Origin");
        // A front end on another origin must be able to read when to retry after a 429.
        assertThat(headers.getAccessControlExposeHeaders()).contains("X-Request-Id", "Idempotent-Replayed",
                "Retry-After", "RateLimit-Policy", "RateLimit");
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://shop.example", "https://shop.example:8443",
            "https://SHOP.example", "https://shop.example/", "https://shop.example.evil.example",
            "https://sub.shop.example"})
    void anyOtherOriginGetsNoAllowHeaderButTheResponse(String origin) {
        HttpHeaders headers = getFrom(origin);

        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).isFalse();
        assertThat(headers.getVary()).contains("Origin");
    }

    @Test
    void aRequestWithoutOriginStillVariesOnOrigin() {
        HttpHeaders headers = client.get().uri("/car-details/" + CAR).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders();

        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.getVary()).contains("Origin");
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsTheContractsMethodsAndHeaders() {
        HttpHeaders headers = preflight(ALLOWED, "POST", "content-type,idempotency-key,x-request-id")
                .expectStatus().isNoContent().expectBody().returnResult().getResponseHeaders();

        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(ALLOWED);
        assertThat(headers.getAccessControlAllowMethods()).containsExactly(HttpMethod.GET, HttpMethod.HEAD,
                HttpMethod.POST);
        assertThat(headers.getAccessControlAllowHeaders()).containsExactly("Content-Type", "Idempotency-Key",
                "X-Request-Id");
        assertThat(headers.getAccessControlMaxAge()).isEqualTo(600);
        assertThat(headers.getVary()).contains("Origin", "Access-Control-Request-Method",
                "Access-Control-Request-Headers");
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://shop.example", "https://shop.example:8443",
            "https://Shop.example", "https://shop.example/"})
    void aPreflightFromAnyOtherOriginIsA403EnvelopeWithoutAllowHeaders(String origin) {
        WebTestClient.ResponseSpec response = preflight(origin, "POST", "content-type");

        HttpHeaders headers = response.expectStatus().isForbidden().expectBody().returnResult().getResponseHeaders();
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
        assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isFalse();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        errorMessage(preflight(origin, "POST", "content-type"), 403, REFUSED);
    }

    @Test
    void aPreflightForAMethodOrHeaderTheContractDoesNotUseIsRefused() {
        errorMessage(preflight(ALLOWED, "DELETE", null), 403, REFUSED);
        errorMessage(preflight(ALLOWED, "POST", "content-type,authorization"), 403, REFUSED);
    }
}
