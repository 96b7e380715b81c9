package dev.carmarket.bootstrap.cli;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The one place where the command-line modes wait for a reactive result. They run on the main
 * thread of a short-lived process that serves nothing, so blocking there is the point: the
 * process must not exit before the database answered. Every wait is bounded.
 */
final class Await {

    private Await() {
    }

    static <T> T result(Mono<T> work, Duration timeout) {
        return work.block(timeout);
    }
}
