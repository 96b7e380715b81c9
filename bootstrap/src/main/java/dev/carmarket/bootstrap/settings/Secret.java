package dev.carmarket.bootstrap.settings;

import java.util.Objects;

/**
 * A configuration value that must never be printed (tokens, keys, URLs with passwords):
 * {@link #toString()} hides it, so a settings record can be logged or shown in a failure safely.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
