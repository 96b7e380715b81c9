package dev.carmarket.archfixtures.compliant.ports.out.system;

import java.time.Instant;

/** Fixture: time from a port. */
public interface TimeSource {

    Instant now();
}
