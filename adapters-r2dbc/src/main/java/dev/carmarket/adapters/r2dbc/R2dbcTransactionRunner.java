package dev.carmarket.adapters.r2dbc;

import dev.carmarket.adapters.r2dbc.support.StoreFailures;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@link TransactionRunner} on Spring's {@link TransactionalOperator} over an
 * {@code R2dbcTransactionManager}. The transaction's connection travels in the Reactor context,
 * so every DatabaseClient call of the adapters inside the work joins it; a nested call joins the
 * outer transaction. Any error of the work (or a cancel) rolls everything back and reaches the
 * caller unchanged; a failure to begin, commit or roll back becomes {@code STORE_UNAVAILABLE}.
 */
public final class R2dbcTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;

    public R2dbcTransactionRunner(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work).onErrorMap(WorkFailed::new))
                .onErrorMap(failure -> failure instanceof WorkFailed workFailed
                        ? workFailed.getCause()
                        : StoreFailures.translate(failure));
    }

    /** Marks the work's own errors on their way through the operator, to tell them from the transaction's. */
    private static final class WorkFailed extends RuntimeException {
        WorkFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
