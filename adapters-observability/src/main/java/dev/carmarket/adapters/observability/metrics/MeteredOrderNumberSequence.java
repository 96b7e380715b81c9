package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.out.order.OrderNumberSequence;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Times {@link OrderNumberSequence#next()} ({@link StoreQueryMetrics}). */
public final class MeteredOrderNumberSequence implements OrderNumberSequence {

    private final OrderNumberSequence delegate;
    private final StoreQueryMetrics metrics;

    public MeteredOrderNumberSequence(OrderNumberSequence delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<Long> next() {
        return metrics.time(StoreQuery.ORDER_NEXT_NUMBER, delegate::next);
    }
}
