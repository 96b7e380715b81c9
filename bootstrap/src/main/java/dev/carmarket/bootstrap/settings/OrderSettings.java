package dev.carmarket.bootstrap.settings;

import dev.carmarket.core.common.ReservationQuota;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an unpaid order holds its car ({@code ORDER_TTL}), how often expiry runs
 * ({@code ORDER_EXPIRY_INTERVAL}) and how many reservations a customer and a client may hold
 * ({@code ORDER_QUOTA}; empty for off).
 */
public record OrderSettings(Duration ttl, Duration expiryInterval, Optional<ReservationQuota> quota) {

    public OrderSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(expiryInterval, "expiryInterval");
        Objects.requireNonNull(quota, "quota");
    }
}
