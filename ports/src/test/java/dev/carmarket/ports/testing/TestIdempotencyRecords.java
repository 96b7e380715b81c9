package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import java.time.Instant;

/** {@link IdempotencyRecord}s for a scope and key, each pointing at a fresh resource id. */
public final class TestIdempotencyRecords {

    public static final Instant DEFAULT_CREATED_AT = Instant.parse("2026-11-26T12:00:00Z");

    private TestIdempotencyRecords() {
    }

    public static IdempotencyRecord record(String scope, String key, String fingerprint) {
        return new IdempotencyRecord(scope, new IdempotencyKey(key), fingerprint, TestIds.random(), DEFAULT_CREATED_AT);
    }
}
