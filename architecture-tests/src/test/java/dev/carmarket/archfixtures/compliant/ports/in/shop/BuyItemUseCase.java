package dev.carmarket.archfixtures.compliant.ports.in.shop;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import reactor.core.publisher.Mono;

/** Fixture: an inbound port. */
public interface BuyItemUseCase {

    Mono<Item> buy(String name);
}
