package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.IpLiterals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {

    static final InetAddress LOOPBACK = ip("127.0.0.1");
    static final InetAddress UNTRUSTED_PEER = ip("198.51.100.20");

    /** nginx on the same host, and an internal load balancer range in front of it. */
    final ClientAddressResolver resolver = new ClientAddressResolver(
            TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8", "::1")));

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(resolver.resolve(UNTRUSTED_PEER, List.of("127.0.0.1"))).isEqualTo("198.51.100.20");
        assertThat(resolver.resolve(UNTRUSTED_PEER, List.of("203.0.113.7, 10.0.0.2"))).isEqualTo("198.51.100.20");
    }

    @Test
    void withoutTrustedProxiesThePeerIsAlwaysTheClient() {
        ClientAddressResolver trustNobody = new ClientAddressResolver(TrustedProxies.none());

        assertThat(trustNobody.resolve(LOOPBACK, List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(trustNobody.isTrusted(LOOPBACK)).isFalse();
    }

    @Test
    void throughOneTrustedProxyTheForwardedClientCounts() {
        assertThat(resolver.resolve(LOOPBACK, List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void throughTwoTrustedProxiesTheRightMostUntrustedEntryCounts() {
        assertThat(resolver.resolve(LOOPBACK, List.of("203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
        // Several header lines are one list, in order.
        assertThat(resolver.resolve(LOOPBACK, List.of("203.0.113.7", "10.1.2.3"))).isEqualTo("203.0.113.7");
    }

    @Test
    void entriesTheClientWroteLeftOfTheRealOneAreIgnored() {
        assertThat(resolver.resolve(LOOPBACK, List.of("127.0.0.1, 6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsTrustedTheFurthestIsTheClient() {
        assertThat(resolver.resolve(LOOPBACK, List.of("10.9.9.9, 10.1.2.3"))).isEqualTo("10.9.9.9");
        assertThat(resolver.resolve(LOOPBACK, List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6PeersRangesAndEntries() {
        assertThat(resolver.resolve(ip("::1"), List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolver.resolve(ip("fd00::5"), List.of("2001:db8::7, fd12::1"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolver.resolve(ip("2001:db8::9"), List.of("203.0.113.7"))).isEqualTo("2001:db8:0:0:0:0:0:9");
        assertThat(resolver.resolve(LOOPBACK, List.of("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "evil.example", "999.1.1.1", "203.0.113.7:443", "[2001:db8::7]",
            "fe80::1%eth0", "1.2.3", "203.0.113.7,,", "unknown", "::ffff:zz"})
    void aMalformedHopStopsAtTheNearestTrustedHop(String malformed) {
        assertThat(resolver.resolve(LOOPBACK, List.of(malformed))).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve(LOOPBACK, List.of("203.0.113.9, " + malformed + ", 10.0.0.8")))
                .isEqualTo("10.0.0.8");
    }

    @Test
    void anUnknownPeerIsUnknown() {
        assertThat(resolver.resolve(null, List.of("203.0.113.7"))).isEqualTo("unknown");
    }

    @Test
    void cidrRangesMatchOnTheirPrefixOnly() {
        TrustedProxies proxies = TrustedProxies.of(List.of("192.168.4.0/22", "2001:db8:1::/48", "0.0.0.0/0"));
        TrustedProxies narrow = TrustedProxies.of(List.of("192.168.4.0/22"));

        assertThat(narrow.contains(ip("192.168.7.255"))).isTrue();
        assertThat(narrow.contains(ip("192.168.8.0"))).isFalse();
        assertThat(narrow.contains(ip("::ffff:192.168.5.1"))).isTrue();
        assertThat(proxies.contains(ip("2001:db8:1:ffff::1"))).isTrue();
        assertThat(proxies.contains(ip("2001:db8:2::1"))).isFalse();
        assertThat(proxies.contains(ip("8.8.8.8"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "proxy.internal", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "*"})
    void aTrustedProxyMustBeALiteralOrRange(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anUntrustedPeerCannotBeImpersonated(@ForAll("forwardedFor") String forwardedFor) {
        assertThat(resolver.resolve(UNTRUSTED_PEER, List.of(forwardedFor))).isEqualTo("198.51.100.20");
    }

    /** Whatever a client sends, the client address is an IP literal: never garbage in a log or a check. */
    @Property
    void theClientAddressIsAlwaysAnIpLiteral(@ForAll("forwardedFor") String forwardedFor) {
        String client = resolver.resolve(LOOPBACK, List.of(forwardedFor));

        List<String> candidates = Stream.concat(Stream.of("127.0.0.1"), Arrays.stream(forwardedFor.split(","))
                .map(String::trim).flatMap(hop -> IpLiterals.parse(hop).stream()).map(InetAddress::getHostAddress))
                .toList();
        assertThat(IpLiterals.parse(client)).isPresent();
        assertThat(candidates).contains(client);
    }

    @Provide
    Arbitrary<String> forwardedFor() {
        Arbitrary<String> hop = Arbitraries.oneOf(
                Arbitraries.of("127.0.0.1", "10.0.0.3", "203.0.113.7", "::1", "2001:db8::7", "fd00::9", "garbage",
                        "", "999.999.1.1", "evil.example"),
                Arbitraries.strings().ofMaxLength(12));
        return hop.list().ofMaxSize(6).map(hops -> String.join(",", hops));
    }
}
