package dev.carmarket.adapters.web.body;

/** How a route treats body properties its DTO does not declare. */
public enum StrictMode {
    /** Reject the request: 400 {@code property <path> should not exist}. */
    ENFORCE,
    /** Let the request through without them, logging and reporting each one. */
    REPORT,
    /** Ignore them silently. */
    OFF
}
