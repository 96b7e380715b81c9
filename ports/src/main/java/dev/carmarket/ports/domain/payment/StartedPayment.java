package dev.carmarket.ports.domain.payment;

/** The outcome of starting a payment; {@code replayed} when an idempotency key returned an earlier result. */
public record StartedPayment(Payment payment, boolean replayed) {
}
