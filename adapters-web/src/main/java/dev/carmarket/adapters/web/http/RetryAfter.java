package dev.carmarket.adapters.web.http;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** Durations as whole seconds for response headers, rounded up: a client that waits that long is not early. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static long wholeSecondsUp(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /** {@code Retry-After}, at least 1 second: "retry after 0 s" invites a client to hammer. */
    public static void set(HttpHeaders headers, Duration wait) {
        headers.set(ThrottlingHeaders.RETRY_AFTER, Long.toString(Math.max(1, wholeSecondsUp(wait))));
    }
}
