package dev.carmarket.archfixtures.violations.contracts.ports.out;

import reactor.core.publisher.Mono;

/** Violation: a store port with a contract test but no in-memory implementation. */
public interface StockLedger {

    Mono<Boolean> changeStock(String name, int delta);
}
