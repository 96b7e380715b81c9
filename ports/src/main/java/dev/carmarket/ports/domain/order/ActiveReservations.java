package dev.carmarket.ports.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The active reservations of one {@link ReservationHolder}: those of its customer and those of its client
 * network, counted separately (an order usually appears in both).
 */
public record ActiveReservations(Held byCustomer, Held byClient) {

    public ActiveReservations {
        Objects.requireNonNull(byCustomer, "byCustomer");
        Objects.requireNonNull(byClient, "byClient");
    }

    /**
     * @param count        how many PENDING_PAYMENT orders
     * @param oldestExpiry when the first of them expires and frees its slot; empty when there are none
     */
    public record Held(int count, Optional<Instant> oldestExpiry) {

        public static final Held NONE = new Held(0, Optional.empty());

        public Held {
            Objects.requireNonNull(oldestExpiry, "oldestExpiry");
            if (count < 0 || count > 0 != oldestExpiry.isPresent()) {
                throw new IllegalArgumentException("an expiry goes with a positive count, and only with one");
            }
        }
    }
}
