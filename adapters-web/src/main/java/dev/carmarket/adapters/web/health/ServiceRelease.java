package dev.carmarket.adapters.web.health;

import java.util.Objects;

/** The release this instance runs, shown by {@code /health/live} so a deploy can verify what serves. */
public record ServiceRelease(String version) {

    public ServiceRelease {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
    }
}
