package dev.carmarket.archfixtures.compliant.ports.out.shop;

import reactor.core.publisher.Mono;

/** Fixture: a second outbound port that writes. */
public interface StockLedger {

    Mono<Boolean> changeStock(String name, int delta);
}
