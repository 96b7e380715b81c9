package dev.carmarket.adapters.web.ratelimit;

import dev.carmarket.adapters.web.http.RetryAfter;
import dev.carmarket.adapters.web.http.ThrottlingHeaders;
import org.springframework.http.HttpHeaders;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers):
 * the policy is the bucket's size ({@code q}) and the seconds an empty one takes to refill ({@code w}); the
 * state is the requests left ({@code r}) and the seconds until the bucket is full again ({@code t}). A
 * refusal adds {@code Retry-After}: the seconds until the next request can pass.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static void write(HttpHeaders headers, RouteClass routeClass, RateLimit limit, RateLimitDecision decision) {
        String name = "\"" + routeClass.label() + "\"";
        headers.set(ThrottlingHeaders.RATE_LIMIT_POLICY, name + ";q=" + limit.burst() + ";w=" + RetryAfter.wholeSecondsUp(limit.refillTime()));
        headers.set(ThrottlingHeaders.RATE_LIMIT, name + ";r=" + decision.remaining() + ";t=" + RetryAfter.wholeSecondsUp(decision.untilFull()));
        if (!decision.allowed()) {
            RetryAfter.set(headers, decision.retryAfter());
        }
    }
}
