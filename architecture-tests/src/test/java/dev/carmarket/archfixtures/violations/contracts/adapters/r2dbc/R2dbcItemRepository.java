package dev.carmarket.archfixtures.violations.contracts.adapters.r2dbc;

import dev.carmarket.archfixtures.violations.contracts.ports.out.ItemRepository;
import reactor.core.publisher.Mono;

/** Fixture: a PostgreSQL store. */
public final class R2dbcItemRepository implements ItemRepository {

    @Override
    public Mono<Void> insert(String name) {
        return Mono.empty();
    }
}
