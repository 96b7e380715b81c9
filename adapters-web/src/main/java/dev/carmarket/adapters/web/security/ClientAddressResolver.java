package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.IpLiterals;
import dev.carmarket.adapters.web.http.ClientAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the client is (docs/security.md, "Trust proxy"): the TCP peer, unless the peer is a trusted
 * proxy; then the right-most {@code X-Forwarded-For} entry that is not itself trusted. Entries
 * left of that one were written by the client and prove nothing.
 */
public final class ClientAddressResolver {

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Whether {@code peer} may tell us about the client ({@code X-Forwarded-*}). */
    public boolean isTrusted(InetAddress peer) {
        return peer != null && trustedProxies.contains(peer);
    }

    /**
     * @param peer         the TCP peer; {@code null} when the server does not know it
     * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received
     * @return the client's IP; when the chain is malformed at some hop, the nearest trusted hop
     *         (what we can vouch for), so a garbage header never becomes a client address
     */
    public String resolve(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return ClientAddress.UNKNOWN;
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = hopsOf(forwardedFor);
        InetAddress nearestTrusted = peer;
        for (int index = hops.size() - 1; index >= 0; index--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(index));
            if (hop.isEmpty()) {
                return nearestTrusted.getHostAddress();
            }
            if (!trustedProxies.contains(hop.get())) {
                return hop.get().getHostAddress();
            }
            nearestTrusted = hop.get();
        }
        // Every hop is a trusted proxy: the furthest one is the client.
        return nearestTrusted.getHostAddress();
    }

    private static List<String> hopsOf(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",", -1)) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }
}
