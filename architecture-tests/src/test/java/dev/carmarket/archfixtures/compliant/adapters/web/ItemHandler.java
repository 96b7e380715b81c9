package dev.carmarket.archfixtures.compliant.adapters.web;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import dev.carmarket.archfixtures.compliant.ports.in.shop.BuyItemUseCase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Fixture: a Spring-annotated web adapter that calls a use case. */
@Component
public final class ItemHandler {

    private final BuyItemUseCase buyItem;

    public ItemHandler(BuyItemUseCase buyItem) {
        this.buyItem = buyItem;
    }

    public Mono<String> buy(String name) {
        return buyItem.buy(name).map(Item::name);
    }
}
