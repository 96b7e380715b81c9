package dev.carmarket.ports.out.system;

import java.time.Instant;

/** The current time, from a port so tests control it. */
public interface TimeSource {

    Instant now();
}
