package dev.carmarket.archfixtures.compliant.bootstrap.cli;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Fixture: the command line's one bounded wait, which the blocking rule exempts by name. */
final class Await {

    private Await() {
    }

    static <T> T result(Mono<T> work, Duration timeout) {
        return work.block(timeout);
    }
}
