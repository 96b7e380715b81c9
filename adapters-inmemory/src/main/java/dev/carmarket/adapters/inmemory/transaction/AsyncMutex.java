package dev.carmarket.adapters.inmemory.transaction;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A fair, non-blocking mutual-exclusion lock: {@link #acquire()} emits a {@link Permit} once
 * every earlier holder has released it; waiters queue instead of parking a thread.
 * Hand-over runs in a drain loop so that a long queue of synchronous holders is served
 * iteratively, not by recursion.
 */
final class AsyncMutex {

    private final Queue<Permit> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private volatile boolean held;

    Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Permit permit = new Permit(sink);
            sink.onCancel(permit::abandon);
            waiters.offer(permit);
            drain();
        });
    }

    private void release() {
        held = false;
        drain();
    }

    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return; // the thread already draining will loop once more
        }
        int missed = 1;
        do {
            Permit next;
            while (!held && (next = waiters.poll()) != null) {
                // held is set before the grant so that a release racing with it cannot be overwritten
                held = true;
                if (!next.grant()) {
                    held = false;
                }
            }
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    /** The right to run alone until {@link #release()}; releasing twice is harmless. */
    final class Permit {

        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int ABANDONED = 2;

        private final MonoSink<Permit> sink;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(MonoSink<Permit> sink) {
            this.sink = sink;
        }

        private boolean grant() {
            if (!state.compareAndSet(WAITING, GRANTED)) {
                return false;
            }
            sink.success(this);
            return true;
        }

        /** The subscriber went away: skip it while waiting, or give back what it was just granted. */
        private void abandon() {
            if (!state.compareAndSet(WAITING, ABANDONED)) {
                release();
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                AsyncMutex.this.release();
            }
        }
    }
}
