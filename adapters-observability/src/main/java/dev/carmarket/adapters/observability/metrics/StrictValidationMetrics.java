package dev.carmarket.adapters.observability.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts body properties that a strict route's DTO does not declare as
 * {@code strict.validation.unknown.fields{route,mode}} (Prometheus
 * {@code strict_validation_unknown_fields_total}), so a route can be watched in {@code report} mode
 * before it is switched to {@code enforce}. Labels come from fixed sets: {@code route} is one of
 * {@link #ROUTES} and {@code mode} {@code enforce} or {@code report} (any case); anything else is
 * counted as {@code other}, so a caller can never put a raw path or a property name into a label.
 */
public final class StrictValidationMetrics {

    /** The strict (body-carrying mutation) routes, as the web adapter names them. */
    public static final List<String> ROUTES = List.of("POST /orders", "POST /payments", "POST /payments/webhook");

    static final String OTHER = "other";

    private static final List<String> MODES = List.of("enforce", "report", OTHER);

    private final Map<String, CounterFamily> byRoute = new HashMap<>();
    private final CounterFamily otherRoute;

    public StrictValidationMetrics(MeterRegistry registry) {
        for (String route : ROUTES) {
            byRoute.put(route, modes(registry, route));
        }
        this.otherRoute = modes(registry, OTHER);
    }

    /** Called once per unknown property; never blocks. */
    public void unknownProperty(String route, String mode) {
        String modeLabel = mode == null ? OTHER : mode.toLowerCase(Locale.ROOT);
        byRoute.getOrDefault(route, otherRoute).increment(modeLabel);
    }

    private static CounterFamily modes(MeterRegistry registry, String route) {
        return new CounterFamily(MODES, OTHER, mode -> Counter.builder("strict.validation.unknown.fields")
                .description("Body properties a strict route does not declare, by route and mode")
                .tag("route", route)
                .tag("mode", mode)
                .register(registry));
    }
}
