package dev.carmarket.adapters.web.http;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code error} field of the envelope. The contract keeps the legacy phrases
 * ("Payload Too Large", "Unprocessable Entity") where RFC 9110, and with it Spring, renamed them.
 */
final class ReasonPhrases {

    private static final Map<Integer, String> LEGACY = Map.of(
            413, "Payload Too Large",
            422, "Unprocessable Entity");

    private ReasonPhrases() {
    }

    static String of(HttpStatusCode status) {
        String legacy = LEGACY.get(status.value());
        if (legacy != null) {
            return legacy;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
