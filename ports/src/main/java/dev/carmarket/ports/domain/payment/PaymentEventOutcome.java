package dev.carmarket.ports.domain.payment;

/** What handling a provider event did; the edge acknowledges all of them alike. */
public enum PaymentEventOutcome {
    /** The payment moved (and, on success, the order and the car with it). */
    APPLIED,
    /** The event id was seen before: nothing changed. */
    DUPLICATE,
    /** The payment was already final (e.g. a failure reported after a capture): nothing changed. */
    IGNORED,
    /** Captured, but the order was no longer payable (expired meanwhile): needs a refund by an operator. */
    LATE_CAPTURE
}
