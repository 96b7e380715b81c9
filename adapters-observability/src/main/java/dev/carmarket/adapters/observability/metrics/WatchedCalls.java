package dev.carmarket.adapters.observability.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place that watches a reactive call for metrics: the call is made per subscription (so a
 * delegate that throws instead of returning an error is seen too), {@code onSubscribe} is asked for a
 * listener when the subscription starts (e.g. to start a timer) and that listener hears how the
 * subscription ended exactly once. It hears it at the signal itself, before downstream operators run,
 * so their work is never timed; and once only, even when a cancel races with the result.
 */
final class WatchedCalls {

    private WatchedCalls() {
    }

    static <T> Mono<T> mono(Supplier<? extends Mono<T>> call, Supplier<Consumer<Termination<T>>> onSubscribe) {
        Mono<T> source = Mono.defer(call);
        return Mono.defer(() -> {
            Once<T> once = new Once<>(onSubscribe.get());
            return source
                    .doOnSuccess(value -> once.report(value == null ? Termination.Kind.EMPTY : Termination.Kind.VALUE,
                            value, null))
                    .doOnError(error -> once.report(Termination.Kind.ERROR, null, error))
                    .doOnCancel(() -> once.report(Termination.Kind.CANCELLED, null, null));
        });
    }

    static <T> Flux<T> flux(Supplier<? extends Flux<T>> call, Supplier<Consumer<Termination<T>>> onSubscribe) {
        Flux<T> source = Flux.defer(call);
        return Flux.defer(() -> {
            Once<T> once = new Once<>(onSubscribe.get());
            AtomicBoolean emitted = new AtomicBoolean();
            return source
                    .doOnNext(element -> emitted.lazySet(true))
                    .doOnComplete(() -> once.report(emitted.get() ? Termination.Kind.VALUE : Termination.Kind.EMPTY,
                            null, null))
                    .doOnError(error -> once.report(Termination.Kind.ERROR, null, error))
                    .doOnCancel(() -> once.report(Termination.Kind.CANCELLED, null, null));
        });
    }

    /** Passes on the first report of a subscription and drops the rest. */
    private static final class Once<T> {

        private final Consumer<Termination<T>> listener;
        private final AtomicBoolean reported = new AtomicBoolean();

        Once(Consumer<Termination<T>> listener) {
            this.listener = listener;
        }

        void report(Termination.Kind kind, T value, Throwable error) {
            if (reported.compareAndSet(false, true)) {
                listener.accept(new Termination<>(kind, value, error));
            }
        }
    }
}
