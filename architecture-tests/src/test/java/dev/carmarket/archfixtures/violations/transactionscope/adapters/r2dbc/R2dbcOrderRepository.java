package dev.carmarket.archfixtures.violations.transactionscope.adapters.r2dbc;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Violation: a repository that wraps its own work in a transaction. */
public final class R2dbcOrderRepository {

    private final TransactionalOperator transactions;

    public R2dbcOrderRepository(TransactionalOperator transactions) {
        this.transactions = transactions;
    }

    public Mono<Void> save(String order) {
        return transactions.transactional(Mono.<Void>empty());
    }
}
