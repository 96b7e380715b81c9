package dev.carmarket.adapters.web.security;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request's client IP as resolved once by {@link ClientAddressFilter} (TCP peer, or the
 * forwarded client when the peer is a trusted proxy). Logs, metrics and the internal-endpoint
 * guard all read it here, so they never disagree about who the client is.
 */
public final class ClientAddress {

    /** Exchange attribute holding the resolved client IP as a {@code String}. */
    public static final String ATTRIBUTE = "carmarket.clientIp";

    /** Stands for a peer whose address the server does not know (never a trusted proxy). */
    public static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /**
     * The resolved client IP; before the filter has run (e.g. a failure raised earlier) the
     * TCP peer's IP, which is never less trustworthy than the resolution.
     */
    public static String of(ServerWebExchange exchange) {
        Object resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved.toString() : peerOf(exchange);
    }

    static String peerOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        return remote.getAddress().getHostAddress();
    }
}
