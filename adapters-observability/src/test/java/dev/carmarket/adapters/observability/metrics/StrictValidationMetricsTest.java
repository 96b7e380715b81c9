package dev.carmarket.adapters.observability.metrics;

import static dev.carmarket.adapters.observability.metrics.Scrapes.samples;
import static dev.carmarket.adapters.observability.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StrictValidationMetricsTest {

    private static final List<String> ROUTE_LABELS = List.of("POST /orders", "POST /payments",
            "POST /payments/webhook", "other");
    private static final List<String> MODE_LABELS = List.of("enforce", "report", "other");

    @Test
    void counts_unknown_properties_by_route_and_mode_as_the_web_adapter_names_them() {
        PrometheusMeterRegistry registry = Scrapes.registry();
        StrictValidationMetrics metrics = new StrictValidationMetrics(registry);

        metrics.unknownProperty("POST /orders", "REPORT");
        metrics.unknownProperty("POST /orders", "report");
        metrics.unknownProperty("POST /payments/webhook", "ENFORCE");

        assertThat(value(registry,
                "strict_validation_unknown_fields_total{mode=\"report\",route=\"POST /orders\"}")).isEqualTo(2);
        assertThat(value(registry,
                "strict_validation_unknown_fields_total{mode=\"enforce\",route=\"POST /payments/webhook\"}"))
                .isEqualTo(1);
        assertThat(value(registry,
                "strict_validation_unknown_fields_total{mode=\"report\",route=\"POST /payments\"}")).isZero();
    }

    @Test
    void a_route_or_mode_outside_the_fixed_sets_is_counted_as_other() {
        PrometheusMeterRegistry registry = Scrapes.registry();
        StrictValidationMetrics metrics = new StrictValidationMetrics(registry);

        metrics.unknownProperty("POST /orders/4b7e0c1e-1f0a-4c39-9a59-0f7c1c1e2d3a", "report");
        metrics.unknownProperty("POST /orders", "sometimes");
        metrics.unknownProperty(null, null);

        assertThat(value(registry, "strict_validation_unknown_fields_total{mode=\"report\",route=\"other\"}"))
                .isEqualTo(1);
        assertThat(value(registry, "strict_validation_unknown_fields_total{mode=\"other\",route=\"POST /orders\"}"))
                .isEqualTo(1);
        assertThat(value(registry, "strict_validation_unknown_fields_total{mode=\"other\",route=\"other\"}"))
                .isEqualTo(1);
        assertThat(registry.scrape()).doesNotContain("4b7e0c1e");
    }

    @Property(tries = 200)
    void labels_stay_within_the_fixed_sets_whatever_the_caller_passes(@ForAll String route, @ForAll String mode) {
        PrometheusMeterRegistry registry = Scrapes.registry();
        new StrictValidationMetrics(registry).unknownProperty(route, mode);

        List<String> series = samples(registry).stream()
                .filter(line -> line.startsWith("strict_validation_unknown_fields_total{")).toList();
        assertThat(series).hasSize(ROUTE_LABELS.size() * MODE_LABELS.size());
        assertThat(series).allSatisfy(line -> {
            String labels = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
            assertThat(ROUTE_LABELS.stream().flatMap(r -> MODE_LABELS.stream()
                    .map(m -> "{mode=\"" + m + "\",route=\"" + r + "\"}"))).contains(labels);
        });
        assertThat(series.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum()).isEqualTo(1);
    }
}
