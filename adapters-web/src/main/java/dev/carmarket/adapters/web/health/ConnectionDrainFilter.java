package dev.carmarket.adapters.web.health;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While the instance drains, every response says {@code Connection: close}. A proxy's kept-alive
 * connection then ends cleanly after an answer instead of being closed under it when the server stops:
 * a request sent on a connection at the moment the server closes it gets no answer, and a proxy may not
 * retry a non-idempotent one (nginx answers 502 for such a POST).
 */
public final class ConnectionDrainFilter implements WebFilter, Ordered {

    public static final int ORDER = ShutdownDeadlineFilter.ORDER + 1;

    private final ConnectionDrain drain;

    public ConnectionDrainFilter(ConnectionDrain drain) {
        this.drain = drain;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (drain.draining()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
