package dev.carmarket.adapters.observability.sentry;

import io.sentry.Sentry;

/**
 * Reports an unhandled failure (a 5xx the service did not mean to answer) to Sentry, once, tagged
 * with the request's route template, method and request id, so an event leads to the request's log
 * lines. {@code environment} and {@code release} come from the SDK's options ({@link SentryConfigurator}).
 * When Sentry is off this is a no-op. Never blocks: the SDK queues the event and sends it from its own
 * thread.
 */
public final class SentryErrorReporter {

    /** Sentry truncates longer tag values anyway; cutting here keeps the event valid. */
    static final int MAX_TAG_LENGTH = 200;

    static final String UNKNOWN = "unknown";

    /**
     * @param route     the route template (e.g. {@code /orders/{id}}), not the raw path
     * @param method    the HTTP method
     * @param requestId the request's correlation id
     */
    public void reportUnhandled(Throwable error, String route, String method, String requestId) {
        Sentry.captureException(error, scope -> {
            scope.setTag("route", tagValue(route));
            scope.setTag("method", tagValue(method));
            scope.setTag("requestId", tagValue(requestId));
        });
    }

    private static String tagValue(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return value.length() <= MAX_TAG_LENGTH ? value : value.substring(0, MAX_TAG_LENGTH);
    }
}
