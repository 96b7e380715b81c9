package dev.carmarket.archfixtures.compliant.adapters.r2dbc;

import dev.carmarket.archfixtures.compliant.ports.out.system.TransactionRunner;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Fixture: the one place that turns a TransactionRunner boundary into a Spring transaction. */
public final class R2dbcTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;

    public R2dbcTransactionRunner(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work));
    }
}
