package dev.carmarket.adapters.web.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.http.RequestRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class WebhookSignatureVerifierTest {

    static final String SECRET = "whsec_test_0123456789abcdef0123456789abcdef";
    static final long NOW = 1_795_694_400L; // 2026-11-26T12:00:00Z
    static final byte[] BODY = "{\"eventId\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    /** {@code printf '%s' '1795694400.{"eventId":"evt_1"}' | openssl dgst -sha256 -hmac <SECRET>}. */
    static final String OPENSSL_HMAC = "6b04aaa8bd38df367c1710f56e26571382e7c7d8b838f4e4a6d565f5b93d25ba";

    final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET, Duration.ofSeconds(300),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsTheSignatureOpensslComputes() {
        assertThatCode(() -> verifier.verify("t=" + NOW + ",v1=" + OPENSSL_HMAC, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify("t=" + NOW + ", v1=" + OPENSSL_HMAC.toUpperCase(), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyMatchingV1AmongSeveralAndIgnoresOtherSchemes() {
        String other = "0".repeat(64);
        assertThatCode(() -> verifier.verify("t=" + NOW + ",v0=abc,v1=" + other + ",v1=" + OPENSSL_HMAC, BODY))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300})
    void acceptsTimestampsAtTheToleranceBound(long offset) {
        // The HMAC covers t, so a shifted t needs its own signature: check only the freshness rule here.
        WebhookSignatureVerifier shifted = new WebhookSignatureVerifier(SECRET, Duration.ofSeconds(300),
                Clock.fixed(Instant.ofEpochSecond(NOW + offset), ZoneOffset.UTC));
        assertThatCode(() -> shifted.verify("t=" + NOW + ",v1=" + OPENSSL_HMAC, BODY)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, 86_400})
    void rejectsTimestampsBeyondTheTolerance(long offset) {
        WebhookSignatureVerifier shifted = new WebhookSignatureVerifier(SECRET, Duration.ofSeconds(300),
                Clock.fixed(Instant.ofEpochSecond(NOW + offset), ZoneOffset.UTC));
        assertUnauthorized(() -> shifted.verify("t=" + NOW + ",v1=" + OPENSSL_HMAC, BODY));
    }

    @Test
    void rejectsATamperedBodyAndAnotherSecret() {
        assertUnauthorized(() -> verifier.verify("t=" + NOW + ",v1=" + OPENSSL_HMAC,
                "{\"eventId\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8)));
        WebhookSignatureVerifier otherSecret = new WebhookSignatureVerifier(SECRET + "x", Duration.ofSeconds(300),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        assertUnauthorized(() -> otherSecret.verify("t=" + NOW + ",v1=" + OPENSSL_HMAC, BODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "t=1795694400", "v1=" + OPENSSL_HMAC, "t=abc,v1=" + OPENSSL_HMAC,
        "t=1795694400,v1=xyz", "t=1795694400,t=1795694400,v1=" + OPENSSL_HMAC,
        "t=-1795694400,v1=" + OPENSSL_HMAC, "t=99999999999999999999,v1=" + OPENSSL_HMAC})
    void rejectsMalformedHeaders(String header) {
        assertUnauthorized(() -> verifier.verify(header, BODY));
    }

    @Test
    void rejectsAMissingHeader() {
        assertUnauthorized(() -> verifier.verify(null, BODY));
    }

    private static void assertUnauthorized(Runnable verification) {
        assertThatThrownBy(verification::run)
                .isInstanceOfSatisfying(RequestRejectedException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(rejected.getMessage()).isEqualTo("Invalid webhook signature");
                });
    }
}
