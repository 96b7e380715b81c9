package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.IpLiterals;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The proxies whose {@code X-Forwarded-*} headers are believed ({@code TRUST_PROXY}): IPv4 and
 * IPv6 addresses and CIDR ranges. {@link #none()} ({@code TRUST_PROXY=false}) believes nobody.
 */
public final class TrustedProxies {

    private final List<Range> ranges;
    private final List<String> entries;

    private TrustedProxies(List<Range> ranges, List<String> entries) {
        this.ranges = ranges;
        this.entries = entries;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), List.of());
    }

    /**
     * @param entries IP literals or {@code address/prefix} ranges
     * @throws IllegalArgumentException for anything else (host names included)
     */
    public static TrustedProxies of(Collection<String> entries) {
        List<String> copy = List.copyOf(entries);
        return new TrustedProxies(copy.stream().map(Range::parse).toList(), copy);
    }

    public boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** Whether this trusts nobody ({@code TRUST_PROXY=false}). */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "TrustedProxies[none]" : "TrustedProxies" + entries;
    }

    /** A network as its address bytes and prefix length; IPv4 and IPv6 never match each other. */
    private record Range(byte[] network, int prefixLength) {

        static Range parse(String entry) {
            Objects.requireNonNull(entry, "entry");
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = IpLiterals.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + entry))
                    .getAddress();
            int maxPrefix = network.length * 8;
            int prefix = slash < 0 ? maxPrefix : prefixOf(entry.substring(slash + 1), maxPrefix, entry);
            return new Range(network, prefix);
        }

        private static int prefixOf(String text, int maxPrefix, String entry) {
            if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > maxPrefix) {
                throw new IllegalArgumentException("invalid prefix length in " + entry + " (0.." + maxPrefix + ")");
            }
            return Integer.parseInt(text);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefixLength).not();
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
