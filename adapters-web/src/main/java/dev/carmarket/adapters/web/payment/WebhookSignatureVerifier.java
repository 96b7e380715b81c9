package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.http.RequestRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Authenticates a provider webhook: {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}
 * keyed with the shared secret, over the raw bytes as received, compared in constant time,
 * with {@code t} at most the tolerance away from now. Any failure is the same 401, so a
 * caller learns nothing about which part was wrong.
 */
public final class WebhookSignatureVerifier {

    public static final String HEADER = "X-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,18}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Logger log = LoggerFactory.getLogger(WebhookSignatureVerifier.class);

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatureVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns normally only for an authentic, fresh signature of exactly these bytes; otherwise a 401. */
    public void verify(String header, byte[] rawBody) {
        SignatureHeader signature = SignatureHeader.parse(header);
        if (signature == null) {
            throw rejected("missing or malformed signature header");
        }
        long ageSeconds = Math.abs(clock.instant().getEpochSecond() - signature.timestamp());
        if (ageSeconds > tolerance.toSeconds()) {
            throw rejected("signature timestamp outside the tolerance");
        }
        byte[] expected = hmac(signature.timestamp(), rawBody);
        if (signature.candidates().stream().noneMatch(candidate -> MessageDigest.isEqual(expected, candidate))) {
            throw rejected("signature does not match");
        }
    }

    private byte[] hmac(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }

    private static RequestRejectedException rejected(String reason) {
        log.warn("Rejected payment webhook: {}", reason);
        return new RequestRejectedException(HttpStatus.UNAUTHORIZED, "Invalid webhook signature");
    }

    /** One {@code t} and one or more {@code v1} values (several during a secret rotation); other schemes ignored. */
    private record SignatureHeader(long timestamp, List<byte[]> candidates) {

        static SignatureHeader parse(String header) {
            if (header == null) {
                return null;
            }
            Long timestamp = null;
            List<byte[]> candidates = new ArrayList<>();
            for (String element : header.split(",")) {
                String[] pair = element.trim().split("=", 2);
                if (pair.length != 2) {
                    return null;
                }
                if (pair[0].equals("t")) {
                    if (timestamp != null || !TIMESTAMP.matcher(pair[1]).matches()) {
                        return null;
                    }
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    if (!HEX_SHA256.matcher(pair[1]).matches()) {
                        return null;
                    }
                    candidates.add(HexFormat.of().parseHex(pair[1]));
                }
            }
            return timestamp == null || candidates.isEmpty() ? null : new SignatureHeader(timestamp, candidates);
        }
    }
}
