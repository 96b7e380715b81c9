package dev.carmarket.adapters.web.http;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives every request its correlation id and echoes it on the response, errors and 404s included. */
public final class RequestIdFilter implements WebFilter, Ordered {

    /** First of all filters, so that even a rejection by a later filter carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.of(exchange);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        return chain.filter(exchange).contextWrite(RequestIds.inContext(requestId));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
