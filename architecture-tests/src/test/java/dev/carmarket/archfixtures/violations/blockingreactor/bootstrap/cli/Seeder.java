package dev.carmarket.archfixtures.violations.blockingreactor.bootstrap.cli;

import reactor.core.publisher.Mono;

/** Violation: a command-line class blocking outside the one exempt Await. */
final class Seeder {

    long seed(Mono<Long> loaded) {
        return loaded.block();
    }
}
