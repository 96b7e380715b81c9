package dev.carmarket.adapters.web.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The request's correlation id: kept from a well-formed incoming {@code X-Request-Id}
 * (1..128 chars of {@code [A-Za-z0-9._:-]}), otherwise a new UUID. {@link RequestIdFilter}
 * stores it as the exchange attribute {@link #EXCHANGE_ATTRIBUTE} and in the Reactor
 * Context under {@link #CONTEXT_KEY} (both {@code "carmarket.requestId"}).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String EXCHANGE_ATTRIBUTE = "carmarket.requestId";
    public static final String CONTEXT_KEY = "carmarket.requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The incoming id when it is well formed, else a fresh UUID. */
    public static String resolve(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a correlation id needs to be unique,
     * not unguessable, and {@code UUID.randomUUID()} may read the entropy device on an event-loop thread.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** The exchange's id; resolves and stores one if the filter has not run (e.g. an error raised before it). */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributes().computeIfAbsent(EXCHANGE_ATTRIBUTE,
                name -> resolve(exchange.getRequest().getHeaders().getFirst(HEADER))).toString();
    }

    /** Puts {@code requestId} into the Reactor Context of the chain it is written to (see {@code contextWrite}). */
    public static Function<Context, Context> inContext(String requestId) {
        return context -> context.put(CONTEXT_KEY, requestId);
    }

    /** The id from the Reactor Context of the current request chain; empty outside one. */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<String>getOrEmpty(CONTEXT_KEY)));
    }
}
