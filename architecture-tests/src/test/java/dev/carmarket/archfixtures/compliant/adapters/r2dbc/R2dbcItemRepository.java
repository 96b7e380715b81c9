package dev.carmarket.archfixtures.compliant.adapters.r2dbc;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import dev.carmarket.archfixtures.compliant.ports.out.shop.ItemRepository;
import reactor.core.publisher.Mono;

/** Fixture: the PostgreSQL implementation of a store port that has a contract and an in-memory twin. */
public final class R2dbcItemRepository implements ItemRepository {

    @Override
    public Mono<Item> findByName(String name) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> insert(Item item) {
        return Mono.empty();
    }
}
