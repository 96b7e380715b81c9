package dev.carmarket.adapters.web.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The helmet 8 baseline (docs/security.md, "Secure headers"), header by header, with its exact values. */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self';base-uri 'self';"
            + "font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;"
            + "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
            + "upgrade-insecure-requests";

    /** Every baseline header and its value, in helmet's order. */
    public static final Map<String, String> BASELINE = baseline();

    /** Headers that would tell an attacker what runs here. */
    public static final List<String> REMOVED = List.of("X-Powered-By", "Server");

    private SecurityHeaders() {
    }

    private static Map<String, String> baseline() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Origin-Agent-Cluster", "?1");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-DNS-Prefetch-Control", "off");
        headers.put("X-Download-Options", "noopen");
        headers.put("X-Frame-Options", "SAMEORIGIN");
        headers.put("X-Permitted-Cross-Domain-Policies", "none");
        headers.put("X-XSS-Protection", "0");
        return Collections.unmodifiableMap(headers);
    }
}
