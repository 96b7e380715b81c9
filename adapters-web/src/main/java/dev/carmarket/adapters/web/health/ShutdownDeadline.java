package dev.carmarket.adapters.web.health;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The moment, near the end of the shutdown grace period, after which a request still running is
 * answered 503 instead of being cut off with the connection. The application says when
 * ({@link #reach()}); {@link ShutdownDeadlineFilter} acts on it.
 */
public final class ShutdownDeadline {

    private final Sinks.Empty<Void> reached = Sinks.empty();

    /** Idempotent: only the first call counts. */
    public void reach() {
        reached.tryEmitEmpty();
    }

    /** Completes when the deadline is reached; at once for subscribers that come later. */
    public Mono<Void> reached() {
        return reached.asMono();
    }
}
