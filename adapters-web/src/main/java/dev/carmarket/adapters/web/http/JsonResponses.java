package dev.carmarket.adapters.web.http;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Writes the contract's success envelopes with {@link WebJson}. Order and payment
 * data is personal and changes over time, so those responses are never stored by caches.
 */
public final class JsonResponses {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final WebJson json;

    public JsonResponses(WebJson json) {
        this.json = json;
    }

    public Mono<ServerResponse> ok(Object data) {
        return write(HttpStatus.OK, SuccessEnvelope.of(data), headers -> { });
    }

    public <T> Mono<ServerResponse> page(List<T> data, ListEnvelope.Pagination pagination) {
        return write(HttpStatus.OK, ListEnvelope.of(data, pagination), headers -> { });
    }

    /** 200 with {@code Cache-Control: no-store}. */
    public Mono<ServerResponse> okNoStore(Object data) {
        return write(HttpStatus.OK, SuccessEnvelope.of(data), JsonResponses::noStore);
    }

    /** 201 with {@code Cache-Control: no-store}, and {@code Idempotent-Replayed: true} for a replay. */
    public Mono<ServerResponse> createdNoStore(Object data, boolean replayed) {
        return write(HttpStatus.CREATED, SuccessEnvelope.of(data), headers -> {
            noStore(headers);
            if (replayed) {
                headers.set(IDEMPOTENT_REPLAYED, "true");
            }
        });
    }

    private Mono<ServerResponse> write(HttpStatus status, Object body, Consumer<HttpHeaders> headers) {
        return Mono.fromCallable(() -> json.write(body))
                .flatMap(bytes -> ServerResponse.status(status)
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(headers)
                        .bodyValue(bytes));
    }

    private static void noStore(HttpHeaders headers) {
        headers.setCacheControl("no-store");
    }
}
