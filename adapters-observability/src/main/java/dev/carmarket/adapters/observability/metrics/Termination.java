package dev.carmarket.adapters.observability.metrics;

/**
 * How one subscription to a call ended. {@code value} is the Mono's value for {@link Kind#VALUE}
 * (null for a Flux), {@code error} the failure for {@link Kind#ERROR}.
 */
record Termination<T>(Kind kind, T value, Throwable error) {

    enum Kind {
        /** Emitted (a Mono its value, a Flux at least one element) and completed. */
        VALUE,
        /** Completed without emitting anything. */
        EMPTY,
        ERROR,
        /** The subscriber cancelled before the result (a client that went away, a timeout downstream). */
        CANCELLED
    }
}
