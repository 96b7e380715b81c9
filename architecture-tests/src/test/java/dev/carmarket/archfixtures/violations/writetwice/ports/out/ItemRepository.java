package dev.carmarket.archfixtures.violations.writetwice.ports.out;

import reactor.core.publisher.Mono;

/** Fixture: an outbound port that writes. */
public interface ItemRepository {

    Mono<Void> insert(String name);
}
