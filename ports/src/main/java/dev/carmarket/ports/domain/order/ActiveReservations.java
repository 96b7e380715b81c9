package dev.carmarket.ports.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The active reservations of one {@link ReservationHolder}: those of its customer and those of its client
 * network, counted separately (an order usually appears in both).
 */
public record ActiveReservations(Held byCustomer, Held byClient) {

    public ActiveReservations {
        Objects.requireNonNull(byCustomer, "byCustomer");
        Objects.requireNonNull(byClient, "byClient");
    }

    /** @param expiries when each reservation expires and frees its slot, earliest first */
    public record Held(List<Instant> expiries) {

        public static final Held NONE = new Held(List.of());

        public Held {
            expiries = List.copyOf(expiries);
            for (int i = 1; i < expiries.size(); i++) {
                if (expiries.get(i).isBefore(expiries.get(i - 1))) {
                    throw new IllegalArgumentException("expiries must come earliest first");
                }
            }
        }

        public int count() {
            return expiries.size();
        }
    }
}
