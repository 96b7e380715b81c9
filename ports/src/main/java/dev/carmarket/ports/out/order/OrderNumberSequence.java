package dev.carmarket.ports.out.order;

import reactor.core.publisher.Mono;

/** A store-wide increasing sequence for order numbers, unique across instances. */
public interface OrderNumberSequence {

    Mono<Long> next();
}
