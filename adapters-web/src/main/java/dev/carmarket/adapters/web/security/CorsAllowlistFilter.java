package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.http.RequestIds;
import dev.carmarket.adapters.web.http.RequestRejectedException;
import dev.carmarket.adapters.web.http.ThrottlingHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS with an exact-origin allowlist ({@code CORS_ALLOWED_ORIGINS}). A listed origin gets
 * {@code Access-Control-Allow-Origin: <origin>}; its preflight gets the contract's methods and
 * headers. Any other origin (differing in scheme, case, port or a trailing slash included, and
 * {@code null}) gets no allow header, and its preflight is a 403 in the error envelope. Never
 * {@code *}, never credentials. Spring's {@code CorsWebFilter} is not used because it refuses
 * with a bare body.
 */
public final class CorsAllowlistFilter implements WebFilter, Ordered {

    public static final int ORDER = SecurityHeadersFilter.ORDER + 1;

    private static final List<HttpMethod> ALLOWED_METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST);
    private static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, JsonResponses.IDEMPOTENCY_KEY,
            RequestIds.HEADER);
    /** What the front end may read of a response besides the CORS-safelisted headers. */
    private static final List<String> EXPOSED_HEADERS = List.of(RequestIds.HEADER, JsonResponses.IDEMPOTENT_REPLAYED,
            ThrottlingHeaders.RETRY_AFTER, ThrottlingHeaders.RATE_LIMIT_POLICY, ThrottlingHeaders.RATE_LIMIT);
    /** How long a browser may reuse a preflight answer (browsers cap it at 2 h or less). */
    private static final long MAX_AGE_SECONDS = 600;

    private static final Set<String> ALLOWED_HEADER_NAMES = ALLOWED_HEADERS.stream()
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private final Set<String> allowedOrigins;

    public CorsAllowlistFilter(SecuritySettings settings) {
        this.allowedOrigins = settings.allowedOrigins();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        // The answer depends on Origin for every request, so caches must key on it.
        addVary(response.getHeaders(), HttpHeaders.ORIGIN);
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return chain.filter(exchange);
        }
        boolean allowed = allowedOrigins.contains(origin);
        if (isPreflight(request)) {
            addVary(response.getHeaders(), HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
            addVary(response.getHeaders(), HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (!allowed || !isAllowedPreflight(request.getHeaders())) {
                return Mono.error(new RequestRejectedException(HttpStatus.FORBIDDEN, "CORS request not allowed"));
            }
            allowPreflight(response.getHeaders(), origin);
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        }
        if (allowed) {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", EXPOSED_HEADERS));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static boolean isPreflight(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    private static boolean isAllowedPreflight(HttpHeaders headers) {
        HttpMethod method = headers.getAccessControlRequestMethod();
        String requestedHeaders = String.join(",", headers.getOrEmpty(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
        return method != null && ALLOWED_METHODS.contains(method)
                && Arrays.stream(requestedHeaders.split(","))
                        .map(name -> name.trim().toLowerCase(Locale.ROOT))
                        .filter(name -> !name.isEmpty())
                        .allMatch(ALLOWED_HEADER_NAMES::contains);
    }

    private static void allowPreflight(HttpHeaders headers, String origin) {
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                ALLOWED_METHODS.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", ALLOWED_HEADERS));
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(MAX_AGE_SECONDS));
    }

    private static void addVary(HttpHeaders headers, String name) {
        if (!headers.getVary().contains(name)) {
            headers.add(HttpHeaders.VARY, name);
        }
    }
}
