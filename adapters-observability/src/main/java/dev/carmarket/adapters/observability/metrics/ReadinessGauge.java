package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.BooleanSupplier;

/**
 * The {@code readiness_status} gauge: 1 while the service is ready, 0 while it is not. A
 * {@link MeterBinder}, so a Spring Boot application binds it by declaring it as a bean. The supplier is
 * read on every scrape, on the scrape's thread: it must return a remembered state (e.g. the last
 * readiness check's result), never run a check itself.
 */
public final class ReadinessGauge implements MeterBinder {

    private final BooleanSupplier ready;

    public ReadinessGauge(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("readiness.status", ready, supplier -> supplier.getAsBoolean() ? 1 : 0)
                .description("1 when the service is ready to take traffic, 0 when it is not")
                // Gauges hold their object weakly by default: a lambda nobody else keeps would be collected.
                .strongReference(true)
                .register(registry);
    }
}
