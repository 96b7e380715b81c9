package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Times {@link IdempotencyStore#claimOrGetExisting} ({@link StoreQueryMetrics}). */
public final class MeteredIdempotencyStore implements IdempotencyStore {

    private final IdempotencyStore delegate;
    private final StoreQueryMetrics metrics;

    public MeteredIdempotencyStore(IdempotencyStore delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<IdempotencyRecord> claimOrGetExisting(IdempotencyRecord record) {
        return metrics.time(StoreQuery.IDEMPOTENCY_CLAIM, () -> delegate.claimOrGetExisting(record));
    }
}
