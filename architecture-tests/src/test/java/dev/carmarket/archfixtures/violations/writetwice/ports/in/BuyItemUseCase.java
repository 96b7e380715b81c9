package dev.carmarket.archfixtures.violations.writetwice.ports.in;

import reactor.core.publisher.Mono;

/** Fixture: an inbound port. */
public interface BuyItemUseCase {

    Mono<Void> buy(String name);
}
