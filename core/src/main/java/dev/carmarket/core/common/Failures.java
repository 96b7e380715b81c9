package dev.carmarket.core.common;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import reactor.core.publisher.Mono;

/** Signals for the failures the use cases report. */
public final class Failures {

    private Failures() {
    }

    /** A lazily created {@link DomainException}, e.g. for {@code switchIfEmpty}. */
    public static <T> Mono<T> fail(DomainError error) {
        return Mono.error(() -> new DomainException(error));
    }
}
