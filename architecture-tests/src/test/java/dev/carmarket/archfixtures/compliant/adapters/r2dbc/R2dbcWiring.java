package dev.carmarket.archfixtures.compliant.adapters.r2dbc;

import dev.carmarket.archfixtures.compliant.ports.out.system.TransactionRunner;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Fixture: building the transaction operator is wiring, allowed outside the TransactionRunner. */
public final class R2dbcWiring {

    private R2dbcWiring() {
    }

    public static TransactionRunner transactionRunner(ReactiveTransactionManager manager) {
        return new R2dbcTransactionRunner(TransactionalOperator.create(manager));
    }
}
