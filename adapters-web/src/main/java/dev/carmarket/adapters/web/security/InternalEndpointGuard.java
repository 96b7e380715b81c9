package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.IpLiterals;
import dev.carmarket.adapters.web.http.ClientAddress;
import dev.carmarket.adapters.web.http.RequestRejectedException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a request reach an internal endpoint ({@code /health/ready}, {@code /metrics}, anything
 * under {@code /actuator}) only with {@code Authorization: Bearer <INTERNAL_TOKEN>}, or, outside
 * production, from a loopback client. Anything else is a 401 in the error envelope with
 * {@code WWW-Authenticate: Bearer}. Path-based, so it protects those endpoints whoever serves them.
 */
public final class InternalEndpointGuard implements WebFilter, Ordered {

    public static final int ORDER = CorsAllowlistFilter.ORDER + 1;

    /** The internal endpoints, each with everything below it. */
    static final PathPrefixes INTERNAL_PATHS = PathPrefixes.of("/health/ready", "/metrics", "/actuator");

    private static final String BEARER_PREFIX = "bearer ";

    private final Optional<byte[]> tokenDigest;
    private final boolean loopbackWithoutToken;

    public InternalEndpointGuard(SecuritySettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.tokenDigest = settings.internalToken().map(InternalEndpointGuard::digest);
        this.loopbackWithoutToken = settings.loopbackWithoutToken();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!INTERNAL_PATHS.matches(exchange.getRequest()) || isAllowed(exchange)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        // The message never says which of token or address was wrong, nor echoes either.
        return Mono.error(new RequestRejectedException(HttpStatus.UNAUTHORIZED,
                "A valid internal bearer token is required"));
    }

    private boolean isAllowed(ServerWebExchange exchange) {
        return hasValidToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                || loopbackWithoutToken && isLoopback(ClientAddress.of(exchange));
    }

    /**
     * Compares SHA-256 digests in constant time: neither the token's content nor its length
     * shows in how long a wrong guess takes.
     */
    private boolean hasValidToken(String authorization) {
        if (tokenDigest.isEmpty() || authorization == null || authorization.length() <= BEARER_PREFIX.length()
                || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER_PREFIX.length()).trim();
        return MessageDigest.isEqual(tokenDigest.get(), digest(presented));
    }

    /** The resolved client address (never a raw forwarding header) is a loopback literal. */
    private static boolean isLoopback(String clientAddress) {
        return IpLiterals.parse(clientAddress).filter(InetAddress::isLoopbackAddress).isPresent();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM provides SHA-256", impossible);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
