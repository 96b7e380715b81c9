package dev.carmarket.bootstrap.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Console log format ({@code LOG_FORMAT}): JSON lines for log shipping, plain text for people. */
public enum LogFormat {
    JSON, TEXT;

    public static Optional<LogFormat> fromName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName().equals(name)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
