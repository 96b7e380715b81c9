package dev.carmarket.bootstrap.settings;

import dev.carmarket.core.common.ReservationQuota;
import java.time.Duration;
import java.util.Optional;

/** {@code ORDER_TTL}, {@code ORDER_EXPIRY_INTERVAL} and {@code ORDER_QUOTA}: how orders hold cars. */
public final class OrderSettingsReader {

    public static final String ORDER_TTL = "ORDER_TTL";
    public static final String ORDER_EXPIRY_INTERVAL = "ORDER_EXPIRY_INTERVAL";
    public static final String ORDER_QUOTA = "ORDER_QUOTA";

    public static final Duration DEFAULT_ORDER_TTL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ORDER_EXPIRY_INTERVAL = Duration.ofSeconds(30);

    private OrderSettingsReader() {
    }

    static OrderSettings read(EnvironmentReader env) {
        return new OrderSettings(
                env.parse(ORDER_TTL, DurationText::parsePositive).orElse(DEFAULT_ORDER_TTL),
                env.parse(ORDER_EXPIRY_INTERVAL, DurationText::parsePositive).orElse(DEFAULT_ORDER_EXPIRY_INTERVAL),
                env.parse(ORDER_QUOTA, ReservationQuotaText::parse).orElse(Optional.of(ReservationQuota.DEFAULT)));
    }
}
