package dev.carmarket.core.common;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs a request that creates one resource in one transaction, safe to retry under a
 * client's idempotency key. The key's claim shares the transaction with the creation:
 * both commit together, or both disappear on failure so that a retry executes afresh.
 *
 * @param <T> what the request returns
 */
public final class IdempotentCreation<T> {

    private final IdempotencyStore store;
    private final TransactionRunner transactions;
    private final TimeSource time;
    private final IdGenerator ids;
    private final String scope;
    private final Function<UUID, Mono<T>> replay;

    /**
     * @param scope  the operation the keys belong to, e.g. {@code "place-order"}
     * @param replay the earlier result, given the id of the resource the first request created
     */
    public IdempotentCreation(IdempotencyStore store, TransactionRunner transactions, TimeSource time,
            IdGenerator ids, String scope, Function<UUID, Mono<T>> replay) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.replay = Objects.requireNonNull(replay, "replay");
    }

    /**
     * Without a key, creates. With a key, claims it for the new resource id first: a fresh
     * claim creates; a claim by the same request replays the earlier result; a claim by a
     * different request fails with {@code IDEMPOTENCY_KEY_REUSED}.
     *
     * @param key         null when the client sent none
     * @param fingerprint the request's fingerprint, computed only when there is a key
     * @param create      creates the resource under the given id at the given time
     */
    public Mono<T> run(IdempotencyKey key, Supplier<String> fingerprint, BiFunction<UUID, Instant, Mono<T>> create) {
        return Mono.defer(() -> {
            // Chosen before the transaction so that a retried transaction claims the same id.
            UUID resourceId = ids.newId();
            Instant now = time.now();
            Supplier<Mono<T>> creation = () -> create.apply(resourceId, now);
            return transactions.inTransaction(() -> key == null
                    ? Mono.defer(creation)
                    : claimThen(new IdempotencyRecord(scope, key, fingerprint.get(), resourceId, now), creation));
        });
    }

    private Mono<T> claimThen(IdempotencyRecord claim, Supplier<Mono<T>> creation) {
        return store.claimOrGetExisting(claim)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing
                        .map(earlier -> answerRepeated(claim, earlier))
                        .orElseGet(creation));
    }

    private Mono<T> answerRepeated(IdempotencyRecord claim, IdempotencyRecord earlier) {
        if (!earlier.requestFingerprint().equals(claim.requestFingerprint())) {
            return Failures.fail(DomainError.IDEMPOTENCY_KEY_REUSED);
        }
        return replay.apply(earlier.resourceId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "idempotency key of scope " + scope + " points to missing resource " + earlier.resourceId())));
    }
}
