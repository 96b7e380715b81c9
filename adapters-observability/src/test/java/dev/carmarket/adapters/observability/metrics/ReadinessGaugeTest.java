package dev.carmarket.adapters.observability.metrics;

import static dev.carmarket.adapters.observability.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessGaugeTest {

    @Test
    void follows_the_supplier_on_every_scrape() {
        PrometheusMeterRegistry registry = Scrapes.registry();
        AtomicBoolean ready = new AtomicBoolean(true);
        new ReadinessGauge(ready::get).bindTo(registry);

        assertThat(value(registry, "readiness_status")).isEqualTo(1);
        ready.set(false);
        assertThat(value(registry, "readiness_status")).isZero();
        ready.set(true);
        assertThat(value(registry, "readiness_status")).isEqualTo(1);
    }

    @Test
    void keeps_reporting_when_only_the_gauge_holds_the_supplier() {
        PrometheusMeterRegistry registry = Scrapes.registry();
        AtomicBoolean ready = new AtomicBoolean(true);
        new ReadinessGauge(ready::get).bindTo(registry);

        // A weakly held supplier would be collected here and the gauge would read NaN.
        System.gc();

        assertThat(value(registry, "readiness_status")).isEqualTo(1);
    }
}
