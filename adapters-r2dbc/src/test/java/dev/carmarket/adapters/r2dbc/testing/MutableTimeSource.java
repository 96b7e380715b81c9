package dev.carmarket.adapters.r2dbc.testing;

import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand. */
public final class MutableTimeSource implements TimeSource {

    private final AtomicReference<Instant> now;

    public MutableTimeSource(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }
}
