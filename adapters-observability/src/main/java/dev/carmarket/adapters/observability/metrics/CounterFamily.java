package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.Counter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The counters of one metric over a fixed set of values of one label. Every series is registered at
 * zero up front (Prometheus cannot see the increase of a series that first appears at 1, so a rare
 * {@code late_capture} would otherwise never show in {@code increase()}), and a value outside the set
 * counts under {@code fallback}: label values stay a fixed set, whatever a caller passes.
 */
final class CounterFamily {

    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final Counter fallback;

    /**
     * @param values     every label value; must contain {@code fallback}
     * @param counterFor registers the counter of one label value
     */
    CounterFamily(List<String> values, String fallback, Function<String, Counter> counterFor) {
        if (!values.contains(fallback)) {
            throw new IllegalArgumentException("the fallback " + fallback + " must be one of " + values);
        }
        values.forEach(value -> counters.put(value, counterFor.apply(value)));
        this.fallback = counters.get(fallback);
    }

    void increment(String value) {
        counters.getOrDefault(value, fallback).increment();
    }
}
