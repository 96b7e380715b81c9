package dev.carmarket.adapters.r2dbc.support;

import dev.carmarket.ports.domain.common.DomainException;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a named database call: bounds it in time, translates its failures into domain errors (see
 * {@link StoreFailures}) and reports its duration and outcome to the {@link QueryObserver}.
 * The bound is the client's own: the server's statement timeout cannot end a call whose
 * connection is cut, so without it such a call would wait for TCP to notice.
 */
public final class StoreCalls {

    private final QueryObserver observer;
    private final Duration timeout;

    public StoreCalls(QueryObserver observer, Duration timeout) {
        this.observer = observer;
        this.timeout = timeout;
    }

    public <T> Mono<T> mono(String query, Mono<T> call) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return call.timeout(timeout).onErrorMap(StoreFailures::translate)
                    .doOnSuccess(value -> finished(query, started, null))
                    .doOnError(failure -> finished(query, started, (DomainException) failure));
        });
    }

    public <T> Flux<T> flux(String query, Flux<T> call) {
        return Flux.defer(() -> {
            long started = System.nanoTime();
            return call.timeout(timeout).onErrorMap(StoreFailures::translate)
                    .doOnComplete(() -> finished(query, started, null))
                    .doOnError(failure -> finished(query, started, (DomainException) failure));
        });
    }

    private void finished(String query, long startedNanos, DomainException failure) {
        observer.queryFinished(query, Duration.ofNanos(System.nanoTime() - startedNanos), failure);
    }
}
