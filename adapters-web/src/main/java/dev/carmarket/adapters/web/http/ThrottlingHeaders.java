package dev.carmarket.adapters.web.http;

import org.springframework.http.HttpHeaders;

/**
 * The headers that tell a client it is being throttled and when to come back. None is CORS-safelisted,
 * so the CORS filter exposes them: a front end on another origin must be able to read a 429's
 * {@code Retry-After}.
 */
public final class ThrottlingHeaders {

    public static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT = "RateLimit";

    private ThrottlingHeaders() {
    }
}
