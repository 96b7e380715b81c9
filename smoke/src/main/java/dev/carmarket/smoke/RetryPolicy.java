package dev.carmarket.smoke;

import java.time.Duration;

/**
 * Retries only what a redeploy or a restarting instance produces: connection errors and 503.
 * Anything else (a wrong shape, a 500, a timeout) is the answer and is never retried.
 */
record RetryPolicy(int retries, Duration firstBackoff) {

    static final int RETRIED_STATUS = 503;

    boolean allowsRetryAfter(int attemptsMade) {
        return attemptsMade <= retries;
    }

    /** Exponential backoff: firstBackoff, 2 x firstBackoff, 4 x firstBackoff, ... */
    Duration backoffAfter(int attemptsMade) {
        return firstBackoff.multipliedBy(1L << Math.min(attemptsMade - 1, 16));
    }
}
