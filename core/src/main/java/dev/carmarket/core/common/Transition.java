package dev.carmarket.core.common;

import reactor.core.publisher.Mono;

/**
 * One allowed move of a state machine. Only {@link Lifecycle#transition} creates one,
 * after checking the move against its table.
 */
public final class Transition<S extends Enum<S>> {

    private final S from;
    private final S to;

    Transition(S from, S to) {
        this.from = from;
        this.to = to;
    }

    public S from() {
        return from;
    }

    public S to() {
        return to;
    }

    /** Makes this move in the store, atomically. @return true if this call made it */
    public <I> Mono<Boolean> apply(I id, StatusCompareAndSet<I, S> store) {
        return store.changeStatus(id, from, to);
    }
}
