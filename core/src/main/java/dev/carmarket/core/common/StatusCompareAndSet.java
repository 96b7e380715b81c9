package dev.carmarket.core.common;

import reactor.core.publisher.Mono;

/** A store's compare-and-set of a status, e.g. {@code CarCatalog::changeStatus}. */
@FunctionalInterface
public interface StatusCompareAndSet<I, S extends Enum<S>> {

    /** @return true if this call changed the status from {@code expected} to {@code next} */
    Mono<Boolean> changeStatus(I id, S expected, S next);
}
