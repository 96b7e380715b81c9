package dev.carmarket.adapters.web.ratelimit;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers):
 * the policy is the bucket's size ({@code q}) and the seconds an empty one takes to refill ({@code w}); the
 * state is the requests left ({@code r}) and the seconds until the bucket is full again ({@code t}). A
 * refusal adds {@code Retry-After}: the seconds until the next request can pass.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    private RateLimitHeaders() {
    }

    static void write(HttpHeaders headers, RouteClass routeClass, RateLimit limit, RateLimitDecision decision) {
        String name = "\"" + routeClass.label() + "\"";
        headers.set(POLICY, name + ";q=" + limit.burst() + ";w=" + seconds(limit.refillTime()));
        headers.set(STATE, name + ";r=" + decision.remaining() + ";t=" + seconds(decision.untilFull()));
        if (!decision.allowed()) {
            // At least 1: "retry after 0 s" invites a client to hammer.
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.retryAfter()))));
        }
    }

    /** Whole seconds, rounded up: a client that waits that long is not refused for being early. */
    static long seconds(Duration duration) {
        long whole = duration.getSeconds();
        return duration.getNano() > 0 ? whole + 1 : whole;
    }
}
