package dev.carmarket.ports.out.order;

import reactor.core.publisher.Mono;

/**
 * A store-wide sequence for order numbers: unique across instances, and rising from one call to the next when
 * the calls do not overlap.
 */
public interface OrderNumberSequence {

    Mono<Long> next();
}
