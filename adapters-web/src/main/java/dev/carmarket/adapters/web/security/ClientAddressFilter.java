package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.ClientAddress;
import dev.carmarket.adapters.web.http.RequestIdFilter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Resolves the client address once per request with {@link ClientAddressResolver} and stores it as
 * {@link ClientAddress#ATTRIBUTE}. It is also the only reader of the forwarding headers: from a
 * trusted proxy, {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} become the request URI's scheme
 * and host; then every forwarding header is removed, so no later component can believe a forged one.
 */
public final class ClientAddressFilter implements WebFilter, Ordered {

    /** Right after the request id, so every later filter, log line and rejection sees the client. */
    public static final int ORDER = RequestIdFilter.ORDER + 1;

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final List<String> FORWARDING_HEADERS = List.of(X_FORWARDED_FOR, X_FORWARDED_PROTO,
            X_FORWARDED_HOST, "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "Forwarded");

    private static final Pattern PROTO = Pattern.compile("https?");
    /** A DNS name or IPv4 literal, or a bracketed IPv6 literal, with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}])(?::(?<port>\\d{1,5}))?");

    private final ClientAddressResolver resolver;

    public ClientAddressFilter(ClientAddressResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetAddress peer = peerOf(request);
        HttpHeaders headers = request.getHeaders();
        ClientAddress.resolved(exchange, resolver.resolve(peer, headers.getOrEmpty(X_FORWARDED_FOR)));
        URI uri = resolver.isTrusted(peer) ? forwardedUri(request) : request.getURI();
        ServerHttpRequest withoutForwarding = request.mutate()
                .uri(uri)
                .headers(writable -> FORWARDING_HEADERS.forEach(writable::remove))
                .build();
        return chain.filter(exchange.mutate().request(withoutForwarding).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static InetAddress peerOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    /** The URI the trusted proxy says the client used; a malformed value is ignored, never trusted. */
    private static URI forwardedUri(ServerHttpRequest request) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(request.getURI());
        String proto = lastEntry(request.getHeaders().getFirst(X_FORWARDED_PROTO)).toLowerCase(Locale.ROOT);
        if (PROTO.matcher(proto).matches()) {
            uri.scheme(proto);
        }
        Matcher host = HOST.matcher(lastEntry(request.getHeaders().getFirst(X_FORWARDED_HOST)));
        if (host.matches()) {
            String port = host.group("port");
            uri.host(host.group("host")).port(port == null ? null : port);
        }
        return uri.build(true).toUri();
    }

    /** The value the nearest proxy wrote: the right-most of a comma-separated list. */
    private static String lastEntry(String value) {
        if (value == null) {
            return "";
        }
        return value.substring(value.lastIndexOf(',') + 1).trim();
    }
}
