package dev.carmarket.archfixtures.compliant.ports.out.system;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Fixture: the transaction boundary port. */
public interface TransactionRunner {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
