package dev.carmarket.ports.domain.common;

import java.util.Objects;

/** A client-chosen key (1..128 printable ASCII characters) that makes a mutation safe to retry. */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[\\x20-\\x7E]{1,128}")) {
            throw DomainException.invalid("Idempotency-Key must be 1 to 128 printable ASCII characters");
        }
    }
}
