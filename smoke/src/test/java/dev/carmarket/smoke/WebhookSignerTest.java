package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsTimestampDotRawBodyWithHmacSha256() {
        WebhookSigner signer = new WebhookSigner("carmarket-dev-webhook-secret-0123456789");

        String header = signer.signatureHeader("{\"eventId\":\"evt_1\",\"type\":\"payment.succeeded\"}", 1764158400L);

        // expected value from: printf '%s' '1764158400.<body>' | openssl dgst -sha256 -hmac '<secret>'
        assertThat(header).isEqualTo(
                "t=1764158400,v1=fb0670d26c68c58729510defd43580fe190e18c4a2d063b66bd2e2acc72810a2");
    }
}
