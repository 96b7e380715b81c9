package dev.carmarket.archfixtures.violations.usecaseimpl.adapters.web;

import dev.carmarket.archfixtures.violations.usecaseimpl.ports.in.BuyItemUseCase;
import reactor.core.publisher.Mono;

/** Violation: a use case implemented in an adapter. */
public final class WebBuyItemService implements BuyItemUseCase {

    @Override
    public Mono<String> buy(String name) {
        return Mono.just(name);
    }
}
