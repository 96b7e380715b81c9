package dev.carmarket.smoke;

import java.util.Map;
import java.util.UUID;

/**
 * The requests of one check. Every request carries its own X-Request-Id; the last one is reported
 * with the check's result.
 */
final class CheckSession {

    private final HttpProbe probe;
    private String lastRequestId = "";

    CheckSession(HttpProbe probe) {
        this.probe = probe;
    }

    Exchange get(String target) throws CheckFailure {
        return get(target, Map.of());
    }

    Exchange get(String target, Map<String, String> headers) throws CheckFailure {
        return send("GET", target, headers, null);
    }

    Exchange post(String target, String jsonBody, Map<String, String> headers) throws CheckFailure {
        return send("POST", target, headers, jsonBody);
    }

    String lastRequestId() {
        return lastRequestId;
    }

    private Exchange send(String method, String target, Map<String, String> headers, String jsonBody)
            throws CheckFailure {
        lastRequestId = "smoke-" + UUID.randomUUID();
        return probe.send(method, target, headers, jsonBody, lastRequestId);
    }
}
