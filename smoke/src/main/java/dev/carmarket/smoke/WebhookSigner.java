package dev.carmarket.smoke;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs sandbox webhooks as the payment provider does: X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>. */
final class WebhookSigner {

    static final String SIGNATURE_HEADER = "X-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code rawBody} sent at {@code epochSeconds}: the MAC covers "<t>.<raw body>". */
    String signatureHeader(String rawBody, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((epochSeconds + "." + rawBody).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
