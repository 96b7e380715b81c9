package dev.carmarket.adapters.web.security;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.http.ErrorEnvelopeExceptionHandler;
import dev.carmarket.adapters.web.http.WebJson;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

/** The internal endpoints, stood in for by test routes: the guard protects paths, whoever serves them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalEndpointGuardTest {

    static final String TOKEN = "internal-token-for-tests-0123456789abcdef";
    static final String REFUSED = "A valid internal bearer token is required";

    static final RouterFunction<ServerResponse> INTERNAL_ENDPOINTS = RouterFunctions.route()
            .GET("/health/ready", request -> ServerResponse.ok().bodyValue("ready"))
            .GET("/metrics", request -> ServerResponse.ok().bodyValue("metrics"))
            .GET("/actuator/env", request -> ServerResponse.ok().bodyValue("env"))
            .GET("/health/live", request -> ServerResponse.ok().bodyValue("live"))
            .build();

    WebAdapterHarness production;
    WebAdapterHarness development;

    @BeforeAll
    void start() {
        production = harness(false);
        development = harness(true);
    }

    static WebAdapterHarness harness(boolean loopbackWithoutToken) {
        return WebAdapterHarness.builder().routes(INTERNAL_ENDPOINTS).security(new SecuritySettings(Set.of(),
                TrustedProxies.none(), Optional.of(TOKEN), loopbackWithoutToken)).start();
    }

    @AfterAll
    void stop() {
        production.close();
        development.close();
    }

    static WebTestClient.ResponseSpec get(WebAdapterHarness harness, String path, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = harness.client().get().uri(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.exchange();
    }

    static void assertRefused(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().valueEquals("Cache-Control", "no-store");
        errorMessage(response, 401, REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/ready", "/metrics", "/actuator/env"})
    void withoutATokenItIsA401Envelope(String path) {
        assertRefused(get(production, path, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer " + "internal-token",
            "Basic " + TOKEN, TOKEN, "Bearer", "Bearer ", "Bearer  "})
    void aWrongTokenIsA401Envelope(String authorization) {
        assertRefused(get(production, "/metrics", authorization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/ready", "/metrics", "/actuator/env"})
    void theRightTokenLetsIn(String path) {
        get(production, path, "Bearer " + TOKEN).expectStatus().isOk();
        get(production, path, "bearer " + TOKEN).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//metrics", "/metrics/", "/METRICS", "/metrics;x=1", "/%6Detrics", "/health//ready",
            "/actuator", "/actuator/health", "/metrics/jvm_threads"})
    void otherSpellingsOfAnInternalPathAreGuardedToo(String path) {
        assertRefused(production.client().get().uri(URI.create(production.baseUrl() + path)).exchange());
    }

    @Test
    void publicRoutesNeedNoToken() {
        get(production, "/health/live", null).expectStatus().isOk();
        get(production, "/health/readiness", null).expectStatus().isNotFound();
    }

    @Test
    void outsideProductionALoopbackClientNeedsNoToken() {
        get(development, "/health/ready", null).expectStatus().isOk();
        get(development, "/metrics", null).expectStatus().isOk();
    }

    @Test
    void inProductionALoopbackClientNeedsTheToken() {
        assertRefused(get(production, "/health/ready", null));
    }

    @Test
    void aForgedLoopbackForwardedForFromAnUntrustedPeerNeverGrantsAccess() {
        assertThat(statusOf(TrustedProxies.none(), "203.0.113.9", "127.0.0.1")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf(TrustedProxies.none(), "203.0.113.9", "::1")).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Behind a trusted proxy, a loopback entry the client prepended is not what the proxy saw.
        assertThat(statusOf(TrustedProxies.of(List.of("10.0.0.1")), "10.0.0.1", "127.0.0.1, 198.51.100.4"))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Control: the same chain does let a real loopback peer in (so the refusals above are not vacuous).
        assertThat(statusOf(TrustedProxies.none(), "127.0.0.1", "198.51.100.4")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void withoutAConfiguredTokenNoTokenOpensIt() {
        try (WebAdapterHarness tokenless = WebAdapterHarness.builder().routes(INTERNAL_ENDPOINTS)
                .security(new SecuritySettings(Set.of(), TrustedProxies.none(), Optional.empty(), false)).start()) {
            assertRefused(get(tokenless, "/metrics", "Bearer "));
            assertRefused(get(tokenless, "/metrics", "Bearer " + TOKEN));
        }
    }

    /** The client-address filter and the guard, loopback allowed, for a request from {@code peer}. */
    static HttpStatus statusOf(TrustedProxies proxies, String peer, String forwardedFor) {
        SecuritySettings settings = new SecuritySettings(Set.of(), proxies, Optional.of(TOKEN), true);
        HttpHandler handler = WebHttpHandlerBuilder
                .webHandler(exchange -> {
                    exchange.getResponse().setStatusCode(HttpStatus.OK);
                    return Mono.empty();
                })
                .filter(new ClientAddressFilter(new ClientAddressResolver(proxies)), new InternalEndpointGuard(settings))
                .exceptionHandler(new ErrorEnvelopeExceptionHandler(new WebJson()))
                .build();
        MockServerHttpRequest request = MockServerHttpRequest.get("/metrics")
                .remoteAddress(new InetSocketAddress(address(peer), 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
        MockServerHttpResponse response = new MockServerHttpResponse();
        handler.handle(request, response).block();
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
