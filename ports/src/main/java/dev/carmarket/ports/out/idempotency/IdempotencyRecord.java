package dev.carmarket.ports.out.idempotency;

import dev.carmarket.ports.domain.common.IdempotencyKey;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A claimed idempotency key: which operation ({@code scope}, e.g. {@code "place-order"}),
 * a fingerprint of the request, and the id of the resource the request created.
 */
public record IdempotencyRecord(String scope, IdempotencyKey key, String requestFingerprint, UUID resourceId,
        Instant createdAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
