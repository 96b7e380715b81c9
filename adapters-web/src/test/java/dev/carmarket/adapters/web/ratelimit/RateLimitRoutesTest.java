package dev.carmarket.adapters.web.ratelimit;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.security.SecuritySettings;
import dev.carmarket.adapters.web.security.TrustedProxies;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.adapters.web.support.WebhookSigner;
import dev.carmarket.ports.testing.TestCars;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rate limits as a client meets them, through the running adapter behind a trusted proxy (loopback), so
 * each test is its own client by its {@code X-Forwarded-For} address. Limits per minute keep refills out of
 * a test's few seconds.
 */
class RateLimitRoutesTest extends WebAdapterTest {

    private static final RateLimits LIMITS = RateLimits.parse("reads=3/m:3,writes=2/m:2,webhook=1/m:2").orElseThrow();
    private static final String WEBHOOK_BODY = """
            {"eventId":"evt_rate","type":"payment.succeeded","providerReference":"psp_unknown",
             "amount":10.00,"currency":"EUR","occurredAt":"2026-11-26T11:59:30Z"}""";

    private final List<RouteClass> limited = new CopyOnWriteArrayList<>();
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(1, n -> TestCars.car().build())
                .rateLimits(LIMITS)
                .rateLimitListener(limited::add)
                .unhandledFailureListener((error, route, method, requestId) -> unhandled.add(error))
                .security(new SecuritySettings(Set.of(WebAdapterHarness.ALLOWED_ORIGIN),
                        TrustedProxies.of(List.of("127.0.0.1")), Optional.of(WebAdapterHarness.INTERNAL_TOKEN),
                        false));
    }

    private WebTestClient.ResponseSpec search(String client) {
        return client(client).get().uri("/car-details/search").exchange();
    }

    private WebTestClient client(String address) {
        return client.mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    @Test
    void readsAreCountedDownInTheRateLimitHeadersThenRefusedWithRetryAfterInTheEnvelope() {
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<byte[]> ok = search("203.0.113.1").expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Policy", "\"reads\";q=3;w=60")
                    .expectBody().returnResult();
            states.add(ok.getResponseHeaders().getFirst("RateLimit"));
        }
        assertThat(states).extracting(state -> state.substring(0, state.indexOf(";t="))).containsExactly(
                "\"reads\";r=2", "\"reads\";r=1", "\"reads\";r=0");

        WebTestClient.ResponseSpec refused = search("203.0.113.1");
        errorMessage(refused, 429, "Too many requests");
        HttpHeaders headers = refused.expectBody().returnResult().getResponseHeaders();
        // One read comes back every 20 s (3 a minute).
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
        assertThat(headers.getFirst("RateLimit")).matches("\"reads\";r=0;t=\\d+");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(limited).contains(RouteClass.READS);
        assertThat(unhandled).as("a 429 is not an error to report").isEmpty();
    }

    @Test
    void eachClientHasItsOwnBucketAndAnIpv6ClientIsCountedByItsSlash64() {
        IntStream.range(0, 3).forEach(i -> search("2001:db8:1:2::" + (i + 1)).expectStatus().isOk());

        errorMessage(search("2001:db8:1:2:ffff::9"), 429, "Too many requests");
        search("2001:db8:1:3::1").expectStatus().isOk();
        search("203.0.113.2").expectStatus().isOk();
    }

    @Test
    void orderAndPaymentReadsShareTheReadBudgetAndWritesHaveTheirOwn() {
        WebTestClient shopper = client("203.0.113.3");
        shopper.get().uri("/orders/" + TestCars.available().id().value()).exchange().expectStatus().isNotFound();
        shopper.get().uri("/payments/" + TestCars.available().id().value()).exchange().expectStatus().isNotFound();
        search("203.0.113.3").expectStatus().isOk();
        errorMessage(search("203.0.113.3"), 429, "Too many requests");

        for (int i = 0; i < 2; i++) {
            shopper.post().uri("/payments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().valueEquals("RateLimit-Policy", "\"writes\";q=2;w=60");
        }
        errorMessage(shopper.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
                429, "Too many requests");
    }

    /** The router matches decoded segments without their parameters; the limits count what it matches. */
    @Test
    void anotherSpellingOfALimitedPathSpendsTheSameBudget() {
        WebTestClient sender = client("203.0.113.5");
        for (String path : List.of("/orders;x=1", "/ord%65rs")) {
            sender.post().uri(URI.create(harness.baseUrl() + path)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange()
                    .expectHeader().valueEquals("RateLimit-Policy", "\"writes\";q=2;w=60");
        }
        errorMessage(sender.post().uri("/payments").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
                429, "Too many requests");
    }

    @Test
    void liveHealthTokenHoldingInternalCallsAndUnknownRoutesAreNeverLimited() {
        WebTestClient prober = client("203.0.113.4");
        for (int i = 0; i < 10; i++) {
            prober.get().uri("/health/live").exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit");
            prober.get().uri("/health/ready").header(HttpHeaders.AUTHORIZATION, "Bearer " + WebAdapterHarness.INTERNAL_TOKEN)
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
            prober.get().uri("/no-such-route").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void onlyRefusedWebhookSignaturesSpendTheWebhookBudget() {
        WebTestClient provider = client("198.51.100.10");
        WebTestClient forger = client("198.51.100.66");
        String genuine = WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET,
                WebAdapterHarness.NOW.getEpochSecond(), WEBHOOK_BODY);

        for (int i = 0; i < 6; i++) {
            errorMessage(webhook(provider, genuine), 404, "Payment not found");
        }
        webhook(forger, "t=1,v1=forged").expectStatus().isUnauthorized();
        webhook(forger, "t=1,v1=forged").expectStatus().isUnauthorized();
        errorMessage(webhook(forger, "t=1,v1=forged"), 429, "Too many requests");
        errorMessage(webhook(forger, genuine), 429, "Too many requests");
        errorMessage(webhook(provider, genuine), 404, "Payment not found");
        assertThat(limited).contains(RouteClass.WEBHOOK);
    }

    private static WebTestClient.ResponseSpec webhook(WebTestClient sender, String signature) {
        return sender.post().uri("/payments/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Signature", signature).bodyValue(WEBHOOK_BODY).exchange();
    }
}
