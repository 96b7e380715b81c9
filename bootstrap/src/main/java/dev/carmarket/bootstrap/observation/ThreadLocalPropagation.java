package dev.carmarket.bootstrap.observation;

import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;

/**
 * Which thread locals automatic context propagation restores around every Reactor operator: only the
 * request id (adapters-web's RequestIdThreadLocalAccessor, for log lines). Micrometer registers its
 * observation accessor too; it would open and close the request's observation scope at every operator,
 * about half of what context propagation cost a search (docs/performance.md). Nothing here needs
 * the observation in a thread local: the HTTP metrics read it from the exchange, and there is no tracing.
 */
public final class ThreadLocalPropagation {

    private ThreadLocalPropagation() {
    }

    /** Idempotent; process-wide, like the registry it changes. */
    public static void onlyRequestId() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(ObservationThreadLocalAccessor.KEY);
    }
}
