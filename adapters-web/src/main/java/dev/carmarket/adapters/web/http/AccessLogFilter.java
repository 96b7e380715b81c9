package dev.carmarket.adapters.web.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One access-log line per request, as structured key-values: method, route template (never the raw
 * path or query, which may carry personal data), status, durationMs, clientIp, userAgent. No header
 * but the user agent is read, so no credential reaches the log.
 *
 * <p>The line is written when the response commits: the one moment every outcome shares, whether a
 * handler answers, a filter refuses, or the exception handler (which runs outside the filter chain)
 * writes the error envelope. {@code durationMs} is therefore the time to the first byte of the answer.
 * The request id is not a field here: it comes with the logging context (MDC {@code requestId}).
 */
public final class AccessLogFilter implements WebFilter, Ordered {

    /** Right after the request id, so that every later rejection is logged too. */
    public static final int ORDER = RequestIdFilter.ORDER + 1;

    /** The route of a request that matched none. */
    public static final String UNMATCHED = "unmatched";

    /** nginx's code for a request whose client went away before an answer. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private static final int MAX_USER_AGENT_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long startedAt = System.nanoTime();
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            if (logged.compareAndSet(false, true)) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                write(exchange, status != null ? status.value() : 200, startedAt);
            }
        }));
        return chain.filter(exchange).doFinally(signal -> {
            if (signal == SignalType.CANCEL && logged.compareAndSet(false, true)) {
                write(exchange, CLIENT_CLOSED_REQUEST, startedAt);
            }
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static void write(ServerWebExchange exchange, int status, long startedAt) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String route = routeOf(exchange);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        log.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", durationMs)
                .addKeyValue("clientIp", ClientAddress.of(exchange))
                .addKeyValue("userAgent", userAgentOf(request))
                .log("{} {} {} {}ms", method, route, status, durationMs);
    }

    /** The template of the route that matched ({@code /orders/{id}}), so ids never spread into log fields. */
    static String routeOf(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
        return pattern instanceof PathPattern matched ? matched.getPatternString() : UNMATCHED;
    }

    private static String userAgentOf(ServerHttpRequest request) {
        String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        if (userAgent == null) {
            return "";
        }
        return userAgent.length() > MAX_USER_AGENT_LENGTH ? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent;
    }
}
