package dev.carmarket.bootstrap.settings;

import java.time.Duration;

/** {@code PORT} and {@code SHUTDOWN_GRACE_PERIOD}: the HTTP listener. */
public final class ServerSettingsReader {

    public static final String PORT = "PORT";
    public static final String SHUTDOWN_GRACE_PERIOD = "SHUTDOWN_GRACE_PERIOD";

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);

    private ServerSettingsReader() {
    }

    static ServerSettings read(EnvironmentReader env) {
        return new ServerSettings(
                env.parse(PORT, text -> IntegerText.parseBetween(text, 1, 65_535)).orElse(DEFAULT_PORT),
                env.parse(SHUTDOWN_GRACE_PERIOD, DurationText::parsePositive).orElse(DEFAULT_SHUTDOWN_GRACE_PERIOD));
    }
}
