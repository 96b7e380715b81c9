package dev.carmarket.ports.testing;

import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test sets or advances it. Thread-safe. */
public final class ManualTimeSource implements TimeSource {

    private final AtomicReference<Instant> now;

    public ManualTimeSource(Instant start) {
        now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** @return the new current time */
    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }
}
