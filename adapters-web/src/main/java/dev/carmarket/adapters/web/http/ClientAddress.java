package dev.carmarket.adapters.web.http;

import dev.carmarket.ports.domain.order.ClientNetwork;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request's client IP as resolved once by the security package's {@code ClientAddressFilter} (TCP peer, or the
 * forwarded client when the peer is a trusted proxy). Logs, metrics and the internal-endpoint
 * guard all read it here, so they never disagree about who the client is.
 */
public final class ClientAddress {

    /** Exchange attribute holding the resolved client IP as a {@code String}. */
    public static final String ATTRIBUTE = "carmarket.clientIp";

    /** Exchange attribute holding the client's {@link ClientNetwork}, derived with the resolved IP. */
    private static final String NETWORK_ATTRIBUTE = "carmarket.clientNetwork";

    private static final int IPV6_PREFIX_BYTES = 8;

    /** Stands for a peer whose address the server does not know (never a trusted proxy). */
    public static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /** Records the client IP the filter resolved, and the network it belongs to, for the rest of the request. */
    public static void resolved(ServerWebExchange exchange, String address) {
        exchange.getAttributes().put(ATTRIBUTE, address);
        exchange.getAttributes().put(NETWORK_ATTRIBUTE, networkOf(address));
    }

    /**
     * The resolved client IP; before the filter has run (e.g. a failure raised earlier) the
     * TCP peer's IP, which is never less trustworthy than the resolution.
     */
    public static String of(ServerWebExchange exchange) {
        Object resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved.toString() : peerOf(exchange);
    }

    /**
     * The client's network, as the reservation quota and the rate limits count clients: an IPv4 address on
     * its own, an IPv6 address by its /64 prefix; {@link ClientNetwork#UNKNOWN} for an unknown peer.
     * Derived once per request, where the address is resolved (the rate limit and the order both ask).
     */
    public static ClientNetwork networkOf(ServerWebExchange exchange) {
        ClientNetwork resolved = exchange.getAttribute(NETWORK_ATTRIBUTE);
        return resolved != null ? resolved : networkOf(of(exchange));
    }

    private static ClientNetwork networkOf(String address) {
        return IpLiterals.parse(address).map(ClientAddress::network).orElse(ClientNetwork.UNKNOWN);
    }

    /** An IPv4-mapped IPv6 literal parses as the IPv4 address it maps, so both spell one client. */
    private static ClientNetwork network(InetAddress address) {
        if (address instanceof Inet4Address) {
            return new ClientNetwork(address.getHostAddress());
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(address.getAddress(), IPV6_PREFIX_BYTES), 16);
        try {
            return new ClientNetwork(InetAddress.getByAddress(prefix).getHostAddress() + "/64");
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("16 bytes are an IPv6 address", impossible);
        }
    }

    static String peerOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        return remote.getAddress().getHostAddress();
    }
}
