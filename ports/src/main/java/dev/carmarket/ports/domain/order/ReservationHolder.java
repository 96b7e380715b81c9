package dev.carmarket.ports.domain.order;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom an active reservation (a PENDING_PAYMENT order) counts against: the customer, by normalised email,
 * and the client network it was placed from.
 *
 * @param customer the customer's email, trimmed and lower-cased
 */
public record ReservationHolder(String customer, ClientNetwork client) {

    public ReservationHolder {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(client, "client");
    }

    public static ReservationHolder of(Customer customer, ClientNetwork client) {
        return new ReservationHolder(customer.email().strip().toLowerCase(Locale.ROOT), client);
    }
}
