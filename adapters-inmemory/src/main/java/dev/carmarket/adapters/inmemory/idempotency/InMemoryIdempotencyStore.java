package dev.carmarket.adapters.inmemory.idempotency;

import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Idempotency claims keyed by (scope, key). A claim competing with a running transaction waits
 * for it because every operation of the shared {@link InMemoryTransactionRunner} is serialized.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record ScopedKey(String scope, IdempotencyKey key) {
    }

    private final InMemoryTransactionRunner transactions;
    private final Map<ScopedKey, IdempotencyRecord> records = new ConcurrentHashMap<>();

    public InMemoryIdempotencyStore(InMemoryTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<IdempotencyRecord> claimOrGetExisting(IdempotencyRecord record) {
        ScopedKey scopedKey = new ScopedKey(record.scope(), record.key());
        return transactions.execute(undo -> {
            IdempotencyRecord existing = records.get(scopedKey);
            if (existing == null) {
                undo.put(records, scopedKey, record);
            }
            return existing;
        });
    }
}
