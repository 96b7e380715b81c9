package dev.carmarket.archfixtures.violations.systemclock.core;

import java.time.Instant;

/** Violation: core reading the system clock instead of the TimeSource port. */
public final class ClockReadingService {

    public Instant expiry() {
        return Instant.now().plusSeconds(60);
    }
}
