package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.SecurityHeaders;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link SecurityHeaders} baseline (and the named {@link SecurityHeaderExemptions}) on
 * every response. It writes them just before the response commits, so whatever produced the
 * response (a handler, a rejection, the error handler, a 404) cannot drop or loosen them.
 * Order and payment routes and the internal endpoints also get {@code Cache-Control: no-store},
 * their errors included.
 */
public final class SecurityHeadersFilter implements WebFilter, Ordered {

    public static final int ORDER = ClientAddressFilter.ORDER + 1;

    /** Personal or operational data: never kept by a browser or proxy cache. */
    private static final PathPrefixes NO_STORE = PathPrefixes.of("/orders", "/payments")
            .and(InternalEndpointGuard.INTERNAL_PATHS);

    private final SecurityHeaderExemptions exemptions;

    public SecurityHeadersFilter(SecurityHeaderExemptions exemptions) {
        this.exemptions = Objects.requireNonNull(exemptions, "exemptions");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(
                () -> apply(request, exchange.getResponse().getHeaders())));
        return chain.filter(exchange);
    }

    private void apply(ServerHttpRequest request, HttpHeaders headers) {
        SecurityHeaders.BASELINE.forEach(headers::set);
        exemptions.applicableTo(request).forEach(exemption -> headers.set(exemption.header(), exemption.value()));
        SecurityHeaders.REMOVED.forEach(headers::remove);
        if (NO_STORE.matches(request)) {
            headers.setCacheControl("no-store");
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
