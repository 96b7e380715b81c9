package dev.carmarket.bootstrap.readiness;

import java.time.Duration;
import java.util.Objects;

/**
 * The clock of readiness and shutdown.
 *
 * @param checkTimeout    bound of one store check ({@code SELECT 1}); the contract says 1-2 s
 * @param refreshInterval how often the background check refreshes the gauge
 * @param gracePeriod     {@code SHUTDOWN_GRACE_PERIOD}: how long in-flight requests may drain
 * @param drainDelay      between readiness turning DOWN and the listener closing
 */
public record ReadinessTiming(Duration checkTimeout, Duration refreshInterval, Duration gracePeriod,
        Duration drainDelay) {

    public static final Duration CHECK_TIMEOUT = Duration.ofMillis(1500);
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);
    private static final Duration MAX_DRAIN_DELAY = Duration.ofSeconds(1);

    public ReadinessTiming {
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(drainDelay, "drainDelay");
        if (drainDelay.compareTo(gracePeriod) >= 0) {
            throw new IllegalArgumentException("drainDelay must be shorter than gracePeriod");
        }
    }

    /** The service's timing for a grace period: a drain delay of 1 s, but at most a tenth of the grace period. */
    public static ReadinessTiming forGracePeriod(Duration gracePeriod) {
        Duration tenth = gracePeriod.dividedBy(10);
        return new ReadinessTiming(CHECK_TIMEOUT, REFRESH_INTERVAL, gracePeriod,
                tenth.compareTo(MAX_DRAIN_DELAY) < 0 ? tenth : MAX_DRAIN_DELAY);
    }

    /**
     * When, after draining started, requests still running are answered 503: at 90 % of the grace
     * period, so the answers are written before the server closes the connections at its end.
     */
    public Duration deadlineAfterDrainStarts() {
        return gracePeriod.multipliedBy(9).dividedBy(10);
    }
}
