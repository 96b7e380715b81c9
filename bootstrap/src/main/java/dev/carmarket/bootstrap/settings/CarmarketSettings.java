package dev.carmarket.bootstrap.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one carmarket process, built from the environment by
 * {@link CarmarketSettingsReader} before Spring starts. Secrets are {@link Secret}s, so the
 * record prints safely.
 *
 * @param database absent means the in-memory store with demo data (never in production)
 */
public record CarmarketSettings(
        AppEnvironment environment,
        ServerSettings server,
        Optional<DatabaseSettings> database,
        EdgeSettings edge,
        OrderSettings orders,
        SentrySettings sentry,
        LogFormat logFormat) {

    public CarmarketSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(sentry, "sentry");
        Objects.requireNonNull(logFormat, "logFormat");
        if (environment.isProduction() && database.isEmpty()) {
            throw new IllegalArgumentException("production never runs on the in-memory store");
        }
    }
}
