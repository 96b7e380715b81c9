package dev.carmarket.adapters.inmemory.transaction;

import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Serializable transactions over the in-memory stores that share this runner. Transactions run
 * one at a time (queued on an {@link AsyncMutex}, so no thread ever waits) and undo their writes
 * when the work signals an error or is cancelled. Every store operation outside a transaction runs
 * as a transaction of its own, so nobody observes another transaction's uncommitted writes and a
 * competing claim waits for the outcome, as it would in PostgreSQL. A nested
 * {@link #inTransaction} joins the surrounding transaction.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {

    private final AsyncMutex mutex = new AsyncMutex();
    /** Reactor Context key of the running transaction; per runner, so independent stores never join each other. */
    private final Object transactionKey = new Object();

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> context.hasKey(transactionKey)
                ? Mono.defer(work)
                : Mono.usingWhen(
                        mutex.acquire().map(Transaction::new),
                        transaction -> Mono.defer(work).contextWrite(ctx -> ctx.put(transactionKey, transaction)),
                        Transaction::commit,
                        (transaction, error) -> transaction.rollback(),
                        Transaction::rollback));
    }

    /**
     * Runs one synchronous store operation inside the caller's transaction, or in a transaction of
     * its own. A null result completes empty; an exception rolls the operation's writes back.
     */
    public <T> Mono<T> execute(Function<UndoLog, T> operation) {
        return inTransaction(() -> Mono.deferContextual(context ->
                Mono.justOrEmpty(context.<Transaction>get(transactionKey).apply(operation))));
    }
}
