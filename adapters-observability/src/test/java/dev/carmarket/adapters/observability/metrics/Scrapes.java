package dev.carmarket.adapters.observability.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.List;

/** Reads the Prometheus text format the way a scrape sees it. */
final class Scrapes {

    private Scrapes() {
    }

    static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** The sample lines (no comments) of the registry's scrape. */
    static List<String> samples(PrometheusMeterRegistry registry) {
        return Arrays.stream(registry.scrape().split("\n")).filter(line -> !line.startsWith("#")).toList();
    }

    /** The value of the one sample named exactly {@code series} (name and labels as Prometheus renders them). */
    static double value(PrometheusMeterRegistry registry, String series) {
        List<String> matches = samples(registry).stream().filter(line -> line.startsWith(series + " ")).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one sample " + series + " but found " + matches + " in\n"
                    + registry.scrape());
        }
        return Double.parseDouble(matches.get(0).substring(series.length() + 1));
    }
}
