package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs many calls at once, each subscribed on its own parallel worker, to provoke races. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Calls {@code call(0..callers-1)} all at once and collects the outcome of each, in no particular
     * order: its value, {@link Empty#INSTANCE}, or its error (an error does not fail the others).
     */
    public static Mono<List<Object>> run(int callers, IntFunction<Mono<?>> call) {
        return Flux.range(0, callers)
                .flatMap(i -> Mono.defer(() -> call.apply(i))
                        .<Object>map(value -> value)
                        .defaultIfEmpty(Empty.INSTANCE)
                        .onErrorResume(error -> Mono.just(error))
                        .subscribeOn(Schedulers.parallel()), callers)
                .collectList();
    }

    /** Matches the outcome of a call that failed with a {@link DomainException} of the given error. */
    public static Predicate<Object> failedWith(DomainError error) {
        return outcome -> outcome instanceof DomainException failure && failure.error() == error;
    }

    /** Stands for a call that completed without a value. */
    public enum Empty { INSTANCE }
}
