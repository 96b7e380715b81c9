package dev.carmarket.bootstrap.settings;

import java.time.Duration;
import java.util.Objects;

/** The HTTP listener ({@code PORT}) and how long in-flight requests may drain on shutdown. */
public record ServerSettings(int port, Duration shutdownGracePeriod) {

    public ServerSettings {
        Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    }
}
