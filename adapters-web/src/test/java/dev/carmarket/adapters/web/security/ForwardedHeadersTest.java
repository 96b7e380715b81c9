package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.ClientAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The resolved client and the forwarding headers as a handler sees them, on a real server whose
 * peer is 127.0.0.1: once trusted as the proxy, once not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersTest {

    /** Stands in for any component reading the client (logs, metrics): what it sees, as text. */
    static final RouterFunction<ServerResponse> ECHO = RouterFunctions.route()
            .GET("/test/client", request -> ServerResponse.ok().bodyValue(
                    ClientAddress.of(request.exchange()) + " " + request.uri().getScheme() + "://"
                            + request.uri().getAuthority() + " xff=" + request.headers().firstHeader("X-Forwarded-For")
                            + " forwarded=" + request.headers().firstHeader("Forwarded")))
            .build();

    WebAdapterHarness trustingLoopback;
    WebAdapterHarness trustingNobody;

    @BeforeAll
    void start() {
        trustingLoopback = WebAdapterHarness.builder().routes(ECHO).security(new SecuritySettings(Set.of(),
                TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8")), Optional.empty(), false)).start();
        trustingNobody = WebAdapterHarness.builder().routes(ECHO).security(new SecuritySettings(Set.of(),
                TrustedProxies.none(), Optional.empty(), false)).start();
    }

    @AfterAll
    void stop() {
        trustingLoopback.close();
        trustingNobody.close();
    }

    static String seenBy(WebTestClient client, String... headerPairs) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/test/client");
        for (int index = 0; index < headerPairs.length; index += 2) {
            request.header(headerPairs[index], headerPairs[index + 1]);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
        String seen = seenBy(trustingNobody.client(), "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "Forwarded", "for=203.0.113.7");

        assertThat(seen).startsWith("127.0.0.1 http://127.0.0.1:").endsWith(" xff=null forwarded=null");
    }

    @Test
    void throughOneTrustedProxy() {
        assertThat(seenBy(trustingLoopback.client(), "X-Forwarded-For", "203.0.113.7")).startsWith("203.0.113.7 ");
    }

    @Test
    void throughTwoTrustedProxiesWithAClientSuppliedSpoof() {
        assertThat(seenBy(trustingLoopback.client(), "X-Forwarded-For", "127.0.0.1, 203.0.113.7, 10.0.0.2"))
                .startsWith("203.0.113.7 ");
    }

    @Test
    void ipv6Client() {
        assertThat(seenBy(trustingLoopback.client(), "X-Forwarded-For", "2001:db8::7"))
                .startsWith("2001:db8:0:0:0:0:0:7 ");
    }

    @Test
    void protoAndHostAreBelievedFromATrustedProxyAndThenRemoved() {
        String seen = seenBy(trustingLoopback.client(), "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example:8443");

        assertThat(seen).isEqualTo("203.0.113.7 https://shop.example:8443 xff=null forwarded=null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "1.2.3.4:80", "evil.example, ,", "\u00e9\u00e9", "%00", "999.0.0.1"})
    void malformedForwardingHeadersGiveASaneAddressNeverA500(String value) {
        String seen = seenBy(trustingLoopback.client(), "X-Forwarded-For", value, "X-Forwarded-Proto", value);

        assertThat(seen).startsWith("127.0.0.1 http://127.0.0.1:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/path", "a b", "[zz]", "host:99999x", "-leading.example", "user@host"})
    void aMalformedForwardedHostIsIgnored(String host) {
        assertThat(seenBy(trustingLoopback.client(), "X-Forwarded-Host", host)).startsWith("127.0.0.1 http://127.0.0.1:");
    }
}
