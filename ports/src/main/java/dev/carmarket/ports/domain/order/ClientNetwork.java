package dev.carmarket.ports.domain.order;

import java.util.Objects;

/**
 * The network a request came from, as the reservation quota counts clients: an IPv4 address on its own, an
 * IPv6 address by its /64 prefix (what one subscriber is usually given, so rotating through one's own prefix
 * gains nothing). The web adapter derives it from the resolved client address.
 */
public record ClientNetwork(String value) {

    /** Every client whose address the web adapter could not tell; they share one quota. */
    public static final ClientNetwork UNKNOWN = new ClientNetwork("unknown");

    /** Long enough for an IPv6 prefix in any notation; bounds what a caller can make the store index. */
    public static final int MAX_LENGTH = 64;

    public ClientNetwork {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a client network has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
