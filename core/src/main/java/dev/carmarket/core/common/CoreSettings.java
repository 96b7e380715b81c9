package dev.carmarket.core.common;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Tunables of the use cases.
 *
 * @param orderTimeToLive how long a PENDING_PAYMENT order holds its car before it expires
 * @param expiryBatchSize how many due orders one expiry run handles at most
 * @param reservationQuota the active reservations a customer and a client network may hold; empty for none
 */
public record CoreSettings(Duration orderTimeToLive, int expiryBatchSize, Optional<ReservationQuota> reservationQuota) {

    public static final Duration DEFAULT_ORDER_TIME_TO_LIVE = Duration.ofMinutes(30);
    public static final int DEFAULT_EXPIRY_BATCH_SIZE = 100;
    /** Keeps one expiry run (and the orders it holds in memory) bounded. */
    public static final int MAX_EXPIRY_BATCH_SIZE = 10_000;

    public CoreSettings {
        Objects.requireNonNull(orderTimeToLive, "orderTimeToLive");
        if (orderTimeToLive.isNegative() || orderTimeToLive.isZero()) {
            throw new IllegalArgumentException("orderTimeToLive must be positive, was " + orderTimeToLive);
        }
        if (expiryBatchSize < 1 || expiryBatchSize > MAX_EXPIRY_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "expiryBatchSize must be between 1 and " + MAX_EXPIRY_BATCH_SIZE + ", was " + expiryBatchSize);
        }
        Objects.requireNonNull(reservationQuota, "reservationQuota");
    }

    /** The default time to live and batch size, with the default reservation quota on. */
    public static CoreSettings defaults() {
        return new CoreSettings(DEFAULT_ORDER_TIME_TO_LIVE, DEFAULT_EXPIRY_BATCH_SIZE,
                Optional.of(ReservationQuota.DEFAULT));
    }

    public CoreSettings withReservationQuota(Optional<ReservationQuota> quota) {
        return new CoreSettings(orderTimeToLive, expiryBatchSize, quota);
    }
}
