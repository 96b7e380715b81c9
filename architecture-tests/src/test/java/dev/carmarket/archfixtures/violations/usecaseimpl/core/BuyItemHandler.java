package dev.carmarket.archfixtures.violations.usecaseimpl.core;

import dev.carmarket.archfixtures.violations.usecaseimpl.ports.in.BuyItemUseCase;
import reactor.core.publisher.Mono;

/** Violation: a use-case implementation in core not named ...Service. */
public final class BuyItemHandler implements BuyItemUseCase {

    @Override
    public Mono<String> buy(String name) {
        return Mono.just(name);
    }
}
