package dev.carmarket.adapters.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever resolving a host name: header values come from
 * clients, and a DNS lookup on an event-loop thread would both block and leak.
 */
public final class IpLiterals {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** No zone ids ({@code %eth0}): they name local interfaces, never a remote client. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /** The address for an IPv4 or IPv6 literal; empty for anything else (host names included). */
    public static Optional<InetAddress> parse(String text) {
        if (IPV4.matcher(text).matches()) {
            return Optional.of(toAddress(text));
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()) {
            try {
                // In brackets the JDK parses an IPv6 literal or fails; it never looks a name up.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            } catch (UnknownHostException notALiteral) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static InetAddress toAddress(String ipv4) {
        try {
            return InetAddress.getByName(ipv4);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("a checked IPv4 literal did not parse", impossible);
        }
    }
}
