package dev.carmarket.adapters.web.http;

/** The contract's single-object success body: {@code {"success": true, "data": ...}}. */
public record SuccessEnvelope<T>(boolean success, T data) {

    public static <T> SuccessEnvelope<T> of(T data) {
        return new SuccessEnvelope<>(true, data);
    }
}
