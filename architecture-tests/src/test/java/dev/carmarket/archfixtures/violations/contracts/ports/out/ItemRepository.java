package dev.carmarket.archfixtures.violations.contracts.ports.out;

import reactor.core.publisher.Mono;

/** Violation: a store port without a contract test. */
public interface ItemRepository {

    Mono<Void> insert(String name);
}
