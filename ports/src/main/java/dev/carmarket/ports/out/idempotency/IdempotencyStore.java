package dev.carmarket.ports.out.idempotency;

import reactor.core.publisher.Mono;

/** Unique (scope, key) claims, shared by every instance. */
public interface IdempotencyStore {

    /**
     * Claims the record's (scope, key). Completes empty when this call claimed it;
     * emits the existing record when the key was claimed before. A concurrent claim
     * of the same key waits for the other transaction to finish rather than failing;
     * if that transaction rolls back, this call claims the key. Inside a transaction the
     * claim disappears if the transaction rolls back.
     */
    Mono<IdempotencyRecord> claimOrGetExisting(IdempotencyRecord record);
}
