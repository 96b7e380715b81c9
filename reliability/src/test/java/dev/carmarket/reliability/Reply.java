package dev.carmarket.reliability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One request's outcome: an HTTP status with body and headers, or status 0 and what broke. */
record Reply(int status, String body, Map<String, java.util.List<String>> headers, Duration took, String failure) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Reply answered(HttpResponse<String> response, Duration took) {
        return new Reply(response.statusCode(), response.body(), response.headers().map(), took, null);
    }

    static Reply failed(Exception failure, Duration took) {
        return new Reply(0, "", Map.of(), took, failure.getClass().getSimpleName());
    }

    /** The tally key: the status, or the transport failure's name. */
    String outcome() {
        return failure == null ? Integer.toString(status) : failure;
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    JsonNode json() {
        return JSON.readTree(body);
    }

    @Override
    public String toString() {
        return outcome() + " in " + took.toMillis() + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
