package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.out.payment.ProcessedEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Times {@link ProcessedEventStore#markProcessed} ({@link StoreQueryMetrics}). */
public final class MeteredProcessedEventStore implements ProcessedEventStore {

    private final ProcessedEventStore delegate;
    private final StoreQueryMetrics metrics;

    public MeteredProcessedEventStore(ProcessedEventStore delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<Boolean> markProcessed(String eventId, Instant processedAt) {
        return metrics.time(StoreQuery.EVENT_MARK_PROCESSED, () -> delegate.markProcessed(eventId, processedAt));
    }
}
