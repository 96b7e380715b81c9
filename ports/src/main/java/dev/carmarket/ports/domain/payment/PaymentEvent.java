package dev.carmarket.ports.domain.payment;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.common.Problems;
import java.time.Instant;
import java.util.Objects;

/** An authenticated event from the payment provider (the signature is checked at the edge). */
public record PaymentEvent(String eventId, PaymentEventType type, String providerReference, Money amount,
        Instant occurredAt) {

    public PaymentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        new Problems()
                .check(eventId != null && eventId.matches("[\\x21-\\x7E]{1,128}"),
                        "eventId must be 1 to 128 printable characters")
                .check(providerReference != null && providerReference.matches("[\\x21-\\x7E]{1,128}"),
                        "providerReference must be 1 to 128 printable characters")
                .throwIfAny();
    }
}
