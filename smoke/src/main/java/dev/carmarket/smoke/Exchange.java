package dev.carmarket.smoke;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** One request the pack sent and the response it finally got (after any retries). */
record Exchange(String method, String target, String requestId, int status, HttpHeaders headers, String body,
                int attempts) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** E.g. "GET /health/live". */
    String describe() {
        return method + " " + target;
    }

    /** Appended to reasons so that a report shows when retries were spent. */
    String attemptsNote() {
        return attempts > 1 ? " after " + attempts + " attempts" : "";
    }
}
