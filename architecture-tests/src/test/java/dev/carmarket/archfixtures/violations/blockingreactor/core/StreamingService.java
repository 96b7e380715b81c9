package dev.carmarket.archfixtures.violations.blockingreactor.core;

import reactor.core.publisher.Flux;

/** Violation: core draining a Flux through a blocking stream. */
public final class StreamingService {

    public long count(Flux<String> names) {
        return names.toStream().count();
    }
}
