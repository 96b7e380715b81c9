package dev.carmarket.adapters.web.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook bodies the way the payment provider does. */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** The {@code X-Signature} value for this body at unix time {@code t}. */
    public static String signature(String secret, long t, String body) {
        return "t=" + t + ",v1=" + hmacHex(secret, t + "." + body);
    }

    public static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
