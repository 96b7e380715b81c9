package dev.carmarket.archfixtures.compliant.adapters.inmemory;

import dev.carmarket.archfixtures.compliant.ports.out.system.TransactionRunner;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Fixture: the in-memory transaction boundary. */
public final class InMemoryTransactionRunner implements TransactionRunner {

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.defer(work);
    }
}
