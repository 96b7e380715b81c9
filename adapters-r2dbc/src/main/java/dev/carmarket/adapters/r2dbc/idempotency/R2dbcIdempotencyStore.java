package dev.carmarket.adapters.r2dbc.idempotency;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link IdempotencyStore} on PostgreSQL. {@code INSERT ... ON CONFLICT DO NOTHING} waits for a
 * concurrent, uncommitted claim of the same (scope, key): if that one commits, nothing is
 * inserted and the following SELECT (a new snapshot under READ COMMITTED) sees its row; if it
 * rolls back, this insert claims the key.
 */
public final class R2dbcIdempotencyStore implements IdempotencyStore {

    private final DatabaseClient client;
    private final StoreCalls calls;

    public R2dbcIdempotencyStore(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Mono<IdempotencyRecord> claimOrGetExisting(IdempotencyRecord record) {
        return calls.mono("idempotency.claim", client.sql("INSERT INTO idempotency_keys (scope, key, request_fingerprint, resource_id,"
                        + " created_at) VALUES (:scope, :key, :fingerprint, :resourceId, :createdAt)"
                        + " ON CONFLICT (scope, key) DO NOTHING")
                .bind("scope", record.scope())
                .bind("key", record.key().value())
                .bind("fingerprint", record.requestFingerprint())
                .bind("resourceId", record.resourceId())
                .bind("createdAt", record.createdAt())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? Mono.empty() : existing(record.scope(), record.key())));
    }

    private Mono<IdempotencyRecord> existing(String scope, IdempotencyKey key) {
        return client.sql("SELECT scope, key, request_fingerprint, resource_id, created_at FROM idempotency_keys"
                        + " WHERE scope = :scope AND key = :key")
                .bind("scope", scope)
                .bind("key", key.value())
                .map(row -> new IdempotencyRecord(
                        row.get("scope", String.class),
                        new IdempotencyKey(row.get("key", String.class)),
                        row.get("request_fingerprint", String.class),
                        row.get("resource_id", UUID.class),
                        row.get("created_at", Instant.class)))
                .one()
                // Unreachable under READ COMMITTED; never let a lost row read as "claimed".
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "idempotency key conflicted but its row is not visible")));
    }
}
