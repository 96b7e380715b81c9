package dev.carmarket.archfixtures.violations.transactionscope.adapters.r2dbc;

import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Violation: a repository that decides transaction scope on its own. */
public class R2dbcItemRepository {

    @Transactional
    public Mono<Void> save(String item) {
        return Mono.empty();
    }
}
