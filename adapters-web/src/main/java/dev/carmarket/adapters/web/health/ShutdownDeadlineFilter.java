package dev.carmarket.adapters.web.health;

import dev.carmarket.adapters.web.http.AccessLogFilter;
import dev.carmarket.adapters.web.http.RequestRejectedException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Once the {@link ShutdownDeadline} is reached, a request that is still being handled is cancelled
 * and answered 503 in the error envelope, while the server can still write: the client gets a reply
 * it can retry on another instance rather than a connection reset. A response already partly sent
 * cannot be replaced; that connection ends with the server.
 */
public final class ShutdownDeadlineFilter implements WebFilter, Ordered {

    public static final int ORDER = AccessLogFilter.ORDER + 1;

    private final ShutdownDeadline deadline;

    public ShutdownDeadlineFilter(ShutdownDeadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<Void> cutOff = deadline.reached().then(Mono.error(() -> new RequestRejectedException(
                HttpStatus.SERVICE_UNAVAILABLE, "The service is shutting down; retry the request")));
        return Mono.firstWithSignal(chain.filter(exchange), cutOff);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
