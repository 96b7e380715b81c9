package dev.carmarket.adapters.web.http;

/**
 * The contract's NestJS-style error body. {@code message} is a {@code List<String>} for
 * validation failures (one entry per problem) and a single {@code String} otherwise.
 */
public record ErrorEnvelope(int statusCode, Object message, String error, String requestId) {
}
