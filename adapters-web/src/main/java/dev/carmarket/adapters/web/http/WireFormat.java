package dev.carmarket.adapters.web.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/** How ids and timestamps are spelt on the wire. */
public final class WireFormat {

    private WireFormat() {
    }

    /** Lowercase UUID text. */
    public static String id(UUID id) {
        return id.toString().toLowerCase(Locale.ROOT);
    }

    /** ISO-8601 in UTC with {@code Z}, at most millisecond precision like the legacy service's. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
