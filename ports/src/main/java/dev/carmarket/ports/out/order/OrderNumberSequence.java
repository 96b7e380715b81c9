package dev.carmarket.ports.out.order;

import reactor.core.publisher.Mono;

/** A store-wide sequence for order numbers: unique across instances, rising from one call to the next. */
public interface OrderNumberSequence {

    Mono<Long> next();
}
