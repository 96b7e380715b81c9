package dev.carmarket.core.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a request's named fields, to tell "the same request again" from "another
 * request under the same idempotency key". Every name and value is length-prefixed and a
 * null value has its own marker, so no two different field lists share an encoding
 * (unlike joining strings, or {@code toString()}, which masks personal data).
 */
public final class RequestFingerprint {

    private static final int NULL_MARKER = -1;

    private final MessageDigest digest;

    private RequestFingerprint(MessageDigest digest) {
        this.digest = digest;
    }

    public static RequestFingerprint sha256() {
        try {
            return new RequestFingerprint(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform provides SHA-256", impossible);
        }
    }

    /** Adds one field; {@code value} may be null. */
    public RequestFingerprint field(String name, String value) {
        writeText(name);
        if (value == null) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(NULL_MARKER).array());
        } else {
            writeText(value);
        }
        return this;
    }

    /** The lowercase hex digest; the fingerprint can't be extended afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void writeText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
