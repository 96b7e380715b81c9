package dev.carmarket.adapters.web.ratelimit;

import java.time.Duration;

/**
 * What a client's bucket said about one request.
 *
 * @param allowed    whether the request may go on
 * @param remaining  whole requests left in the bucket after this one
 * @param retryAfter when the next request can pass (zero while the bucket has any)
 * @param untilFull  when the bucket is full again
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter, Duration untilFull) {
}
