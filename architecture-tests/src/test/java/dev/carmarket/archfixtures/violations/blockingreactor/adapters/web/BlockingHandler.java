package dev.carmarket.archfixtures.violations.blockingreactor.adapters.web;

import reactor.core.publisher.Mono;

/** Violation: an adapter blocking on a Mono. */
public final class BlockingHandler {

    public String name(Mono<String> name) {
        return name.block();
    }
}
