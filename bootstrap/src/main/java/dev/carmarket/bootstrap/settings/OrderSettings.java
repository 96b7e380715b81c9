package dev.carmarket.bootstrap.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an unpaid order holds its car ({@code ORDER_TTL}) and how often expiry runs
 * ({@code ORDER_EXPIRY_INTERVAL}).
 */
public record OrderSettings(Duration ttl, Duration expiryInterval) {

    public OrderSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(expiryInterval, "expiryInterval");
    }
}
