package dev.carmarket.archfixtures.compliant.ports.out.shop;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import reactor.core.publisher.Mono;

/** Fixture: an outbound port that writes. */
public interface ItemRepository {

    Mono<Item> findByName(String name);

    Mono<Void> insert(Item item);
}
