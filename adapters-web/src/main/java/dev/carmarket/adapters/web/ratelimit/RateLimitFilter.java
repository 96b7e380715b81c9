package dev.carmarket.adapters.web.ratelimit;

import dev.carmarket.adapters.web.http.RequestRejectedException;
import dev.carmarket.adapters.web.http.ClientAddress;
import dev.carmarket.adapters.web.security.InternalEndpointGuard;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each client network (an IPv4 address, an IPv6 /64, as the reservation quota counts clients) per
 * {@link RouteClass} with {@link ClientRateLimiter}. A refused request is a 429 in the error envelope with
 * {@code Retry-After}; every limited route answers with the {@code RateLimit} headers. The webhook class
 * spends a token only when the answer is a 401 (a refused signature), so a provider's burst of genuine
 * events is never refused while a forger is.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    /** After the client address is resolved and the security headers and CORS are in place, so a 429 has them. */
    public static final int ORDER = InternalEndpointGuard.ORDER + 1;

    static final String MESSAGE = "Too many requests";

    private final RateLimits limits;
    private final ClientRateLimiter limiter;
    private final RateLimitListener listener;

    public RateLimitFilter(RateLimits limits, RateLimitListener listener) {
        this(limits, new ClientRateLimiter(limits), listener);
    }

    RateLimitFilter(RateLimits limits, ClientRateLimiter limiter, RateLimitListener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<RouteClass> routeClass = RouteClass.of(exchange.getRequest());
        if (routeClass.isEmpty()) {
            return chain.filter(exchange);
        }
        RouteClass limited = routeClass.get();
        String client = ClientAddress.networkOf(exchange).value();
        RateLimitDecision decision = limited == RouteClass.WEBHOOK
                ? limiter.peek(limited, client)
                : limiter.tryConsume(limited, client);
        ServerHttpResponse response = exchange.getResponse();
        RateLimitHeaders.write(response.getHeaders(), limited, limits.of(limited), decision);
        if (!decision.allowed()) {
            listener.limited(limited);
            return Mono.error(new RequestRejectedException(HttpStatus.TOO_MANY_REQUESTS, MESSAGE));
        }
        if (limited == RouteClass.WEBHOOK) {
            response.beforeCommit(() -> Mono.fromRunnable(() -> spendOnRefusedSignature(response, client)));
        }
        return chain.filter(exchange);
    }

    private void spendOnRefusedSignature(ServerHttpResponse response, String client) {
        if (HttpStatus.UNAUTHORIZED.equals(response.getStatusCode())) {
            limiter.spend(RouteClass.WEBHOOK, client);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
