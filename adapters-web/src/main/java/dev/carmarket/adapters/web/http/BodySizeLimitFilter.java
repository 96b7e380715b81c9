package dev.carmarket.adapters.web.http;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects a request whose declared {@code Content-Length} exceeds the body limit before
 * any handler runs. Bodies without a length (chunked) are capped while read, by {@code JsonBodyReader}.
 */
public final class BodySizeLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdFilter.ORDER + 10;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > RequestLimits.MAX_BODY_BYTES) {
            return Mono.error(RequestRejectedException.payloadTooLarge());
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
