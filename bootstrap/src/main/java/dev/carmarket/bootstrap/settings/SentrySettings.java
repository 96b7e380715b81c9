package dev.carmarket.bootstrap.settings;

import java.util.Objects;
import java.util.Optional;

/** Error monitoring; without a DSN Sentry stays off. */
public record SentrySettings(Optional<Secret> dsn, Optional<String> environment, Optional<String> release) {

    public SentrySettings {
        Objects.requireNonNull(dsn, "dsn");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
    }
}
