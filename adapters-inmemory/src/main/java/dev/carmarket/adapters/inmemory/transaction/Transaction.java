package dev.carmarket.adapters.inmemory.transaction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** One running transaction: it holds the store-wide permit and the undo journal of its writes. */
final class Transaction implements UndoLog {

    private final AsyncMutex.Permit permit;
    private final Deque<Runnable> journal = new ArrayDeque<>();

    Transaction(AsyncMutex.Permit permit) {
        this.permit = permit;
    }

    /**
     * Runs one store operation. The monitor covers only a synchronous in-memory update (never an
     * async wait): it keeps a compound check-then-write atomic when the work of one transaction
     * subscribes to several operations in parallel, e.g. with {@code Mono.zip}.
     */
    synchronized <T> T apply(Function<UndoLog, T> operation) {
        return operation.apply(this);
    }

    @Override
    public synchronized void onRollback(Runnable undo) {
        journal.push(undo);
    }

    Mono<Void> commit() {
        return Mono.fromRunnable(() -> finish(false));
    }

    Mono<Void> rollback() {
        return Mono.fromRunnable(() -> finish(true));
    }

    private void finish(boolean undo) {
        try {
            synchronized (this) {
                // the journal is a stack: the newest write is reverted first
                while (undo && !journal.isEmpty()) {
                    journal.pop().run();
                }
                journal.clear();
            }
        } finally {
            permit.release();
        }
    }
}
