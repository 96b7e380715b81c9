package dev.carmarket.archfixtures.violations.usecaseimpl.ports.in;

import reactor.core.publisher.Mono;

/** Fixture: an inbound port. */
public interface BuyItemUseCase {

    Mono<String> buy(String name);
}
