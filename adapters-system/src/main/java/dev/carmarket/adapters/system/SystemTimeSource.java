package dev.carmarket.adapters.system;

import dev.carmarket.ports.out.system.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The wall clock, in microseconds: the precision PostgreSQL keeps, so both stores return equal instants. */
public final class SystemTimeSource implements TimeSource {

    private final Clock clock = Clock.systemUTC();

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
