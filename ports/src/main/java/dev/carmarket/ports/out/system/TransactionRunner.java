package dev.carmarket.ports.out.system;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A transaction boundary chosen by a use case. Everything the supplied work does
 * through the outbound ports commits together, or none of it does when the work
 * signals an error.
 */
public interface TransactionRunner {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
