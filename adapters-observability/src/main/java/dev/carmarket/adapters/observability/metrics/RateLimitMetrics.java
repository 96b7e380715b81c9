package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts requests the per-client rate limits refused as {@code rate.limited{class}} (Prometheus
 * {@code rate_limited_total}), class one of {@link #CLASSES}; anything else counts as {@code other}, so a
 * caller can never put a path or an address into the label.
 */
public final class RateLimitMetrics {

    /** The route classes, as the web adapter names them. */
    public static final List<String> CLASSES = List.of("reads", "writes", "webhook");

    private static final String OTHER = "other";

    private final CounterFamily limited;

    public RateLimitMetrics(MeterRegistry registry) {
        List<String> labels = new ArrayList<>(CLASSES);
        labels.add(OTHER);
        this.limited = new CounterFamily(labels, OTHER, routeClass -> Counter.builder("rate.limited")
                .description("Requests refused by the per-client rate limits, by route class")
                .tag("class", routeClass)
                .register(registry));
    }

    /** Called once per refused request; never blocks. */
    public void limited(String routeClass) {
        limited.increment(routeClass);
    }
}
