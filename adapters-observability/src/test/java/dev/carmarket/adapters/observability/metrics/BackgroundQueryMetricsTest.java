package dev.carmarket.adapters.observability.metrics;

import static dev.carmarket.adapters.observability.metrics.Scrapes.samples;
import static dev.carmarket.adapters.observability.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackgroundQueryMetricsTest {

    private final PrometheusMeterRegistry registry = Scrapes.registry();
    private final BackgroundQueryMetrics metrics = new BackgroundQueryMetrics(registry);

    @Test
    void the_background_total_recount_is_timed_and_its_store_failures_counted() {
        metrics.queryFinished("car.search_total", Duration.ofMillis(120), null);
        metrics.queryFinished("car.search_total", Duration.ofMillis(30),
                new DomainException(DomainError.STORE_UNAVAILABLE));

        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"car.search_total\"}")).isEqualTo(1);
        assertThat(value(registry, "db_query_seconds_sum{outcome=\"success\",query=\"car.search_total\"}")).isEqualTo(0.12);
        assertThat(value(registry, "db_query_seconds_count{outcome=\"error\",query=\"car.search_total\"}")).isEqualTo(1);
        assertThat(value(registry, "db_failures_total{query=\"car.search_total\",reason=\"unavailable\"}")).isEqualTo(1);
    }

    @Test
    void queries_of_port_calls_are_left_to_the_port_decorators() {
        metrics.queryFinished("car.search", Duration.ofMillis(5), null);

        assertThat(samples(registry)).noneMatch(line -> line.startsWith("db_query_seconds"));
    }
}
