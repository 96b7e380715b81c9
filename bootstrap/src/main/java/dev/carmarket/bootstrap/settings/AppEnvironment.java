package dev.carmarket.bootstrap.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the service runs ({@code APP_ENV}); production turns the strict configuration rules on. */
public enum AppEnvironment {
    DEVELOPMENT, TEST, STAGING, PRODUCTION;

    public static Optional<AppEnvironment> fromName(String name) {
        return Arrays.stream(values()).filter(environment -> environment.wireName().equals(name)).findFirst();
    }

    /** The lowercase name operators write in {@code APP_ENV}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
