package dev.carmarket.gatling.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "fedcba9876543210fedcba9876543210fe";
    private final WebhookSignature signature = new WebhookSignature(SECRET);

    // expected digests computed independently: printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac <secret>
    @Test
    void signsTimestampDotRawBodyWithHmacSha256InLowercaseHex() {
        String body = "{\"eventId\":\"evt_1\",\"type\":\"payment.succeeded\",\"amount\":18990.00}";

        assertThat(signature.header(1_764_158_400L, body)).isEqualTo(
                "t=1764158400,v1=074308b09cb4d8fcc5c32f9236b75c8f3647ed003e314c2110a9fdb9ac287196");
    }

    @Test
    void signsTheUtf8BytesOfTheBody() {
        assertThat(signature.header(1_764_158_400L, "{\"note\":\"Müller\"}")).isEqualTo(
                "t=1764158400,v1=e678c5ff220f517d29a2982c5a6e2af00be55bf12b71a8f9ad6c979b9ca1c176");
    }

    @Test
    void aDifferentTimestampGivesADifferentSignature() {
        String body = "{}";

        assertThat(signature.header(1L, body).substring(4)).isNotEqualTo(signature.header(2L, body).substring(4));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
