package dev.carmarket.adapters.web.http;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A request refused by the web adapter itself, before reaching a use case (unreadable body,
 * wrong content type, bad signature, ...). Its message is client-facing: it goes into the
 * error envelope as is, so it never carries internal detail.
 */
public final class RequestRejectedException extends RuntimeException {

    private final HttpStatus status;

    public RequestRejectedException(HttpStatus status, String clientMessage) {
        super(clientMessage, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    public static RequestRejectedException payloadTooLarge() {
        return new RequestRejectedException(HttpStatus.CONTENT_TOO_LARGE,
                "Request body must not be larger than " + RequestLimits.MAX_BODY_BYTES + " bytes");
    }

    public static RequestRejectedException badRequest(String clientMessage) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, clientMessage);
    }

    public HttpStatus status() {
        return status;
    }
}
