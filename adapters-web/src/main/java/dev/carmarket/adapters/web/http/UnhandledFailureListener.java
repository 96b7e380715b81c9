package dev.carmarket.adapters.web.http;

/**
 * Told about every unhandled failure, i.e. every 500 the service did not mean to answer (never a
 * deliberate 503 such as an unavailable store, never a 4xx), once, e.g. to report it to error
 * monitoring. Called on the request's thread after the failure was logged: must not block.
 */
@FunctionalInterface
public interface UnhandledFailureListener {

    UnhandledFailureListener NONE = (failure, route, method, requestId) -> { };

    /**
     * @param failure   what went wrong
     * @param route     the matched route's template (e.g. {@code /orders/{id}}), never the raw path;
     *                  {@link AccessLogFilter#UNMATCHED} when no route matched
     * @param method    the HTTP method
     * @param requestId the request's correlation id
     */
    void unhandled(Throwable failure, String route, String method, String requestId);
}
