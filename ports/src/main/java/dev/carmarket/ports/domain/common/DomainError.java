package dev.carmarket.ports.domain.common;

/**
 * Every failure the hexagon reports, each with a stable code, the kind of failure
 * (which the web adapter maps to an HTTP status in one place) and the message
 * the frozen contract promises to clients.
 */
public enum DomainError {
    INVALID_INPUT(Kind.INVALID, "Invalid input"),
    CAR_NOT_FOUND(Kind.NOT_FOUND, "Car not found"),
    ORDER_NOT_FOUND(Kind.NOT_FOUND, "Order not found"),
    PAYMENT_NOT_FOUND(Kind.NOT_FOUND, "Payment not found"),
    CAR_NOT_AVAILABLE(Kind.CONFLICT, "Car is not available"),
    ORDER_NOT_PAYABLE(Kind.CONFLICT, "Order is not payable"),
    PAYMENT_ALREADY_STARTED(Kind.CONFLICT, "Order already has a payment in progress"),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE, "Idempotency-Key reused with a different payload"),
    PAYMENT_EVENT_MISMATCH(Kind.UNPROCESSABLE, "Payment event does not match the payment amount or currency"),
    /** The customer (by normalised email) already holds as many reservations as the quota allows. */
    CUSTOMER_RESERVATION_QUOTA(Kind.LIMITED, "Too many active reservations"),
    /** The client network already holds as many reservations as the quota allows. */
    CLIENT_RESERVATION_QUOTA(Kind.LIMITED, "Too many active reservations"),
    STORE_UNAVAILABLE(Kind.UNAVAILABLE, "Service temporarily unavailable");

    /**
     * The family of a failure; adapters translate a kind, never a single error. A LIMITED failure carries
     * when to try again ({@link DomainException#retryAfter()}).
     */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, LIMITED, UNAVAILABLE }

    private final Kind kind;
    private final String message;

    DomainError(Kind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    public Kind kind() {
        return kind;
    }

    /** The client-facing message, exactly as the contract words it. */
    public String message() {
        return message;
    }

    public String code() {
        return name();
    }
}
