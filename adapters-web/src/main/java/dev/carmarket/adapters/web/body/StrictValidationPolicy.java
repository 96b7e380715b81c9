package dev.carmarket.adapters.web.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The strict-body mode of each mutation route, parsed from {@code STRICT_VALIDATION}
 * ({@code POST /orders=enforce,POST /payments=report}); routes not named stay {@link StrictMode#ENFORCE}.
 */
public final class StrictValidationPolicy {

    /** The routes whose bodies are strict, in the spelling {@code STRICT_VALIDATION} uses. */
    public static final String PLACE_ORDER = "POST /orders";
    public static final String START_PAYMENT = "POST /payments";
    public static final String PAYMENT_WEBHOOK = "POST /payments/webhook";

    private static final List<String> MUTATION_ROUTES = List.of(PLACE_ORDER, START_PAYMENT, PAYMENT_WEBHOOK);

    private final Map<String, StrictMode> modes;

    private StrictValidationPolicy(Map<String, StrictMode> modes) {
        this.modes = Map.copyOf(modes);
    }

    /** Every mutation route enforced. */
    public static StrictValidationPolicy enforceAll() {
        return parse(null);
    }

    /**
     * Parses the {@code STRICT_VALIDATION} format: comma-separated {@code <METHOD> <path>=<mode>} entries,
     * modes {@code enforce}, {@code report}, {@code off} (any case). Null or blank means enforce everywhere.
     *
     * @throws IllegalArgumentException naming {@code STRICT_VALIDATION} and the offending entry
     */
    public static StrictValidationPolicy parse(String spec) {
        Map<String, StrictMode> modes = new LinkedHashMap<>();
        MUTATION_ROUTES.forEach(route -> modes.put(route, StrictMode.ENFORCE));
        if (spec == null || spec.isBlank()) {
            return new StrictValidationPolicy(modes);
        }
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue; // tolerate "a=enforce,,b=off" and a trailing comma
            }
            int equals = entry.lastIndexOf('=');
            if (equals < 0) {
                throw invalid(entry, "expected <METHOD> <path>=<enforce|report|off>");
            }
            String route = entry.substring(0, equals).trim().replaceAll("\\s+", " ");
            String mode = entry.substring(equals + 1).trim();
            if (!modes.containsKey(route)) {
                throw invalid(entry, "unknown route '" + route + "', expected one of " + MUTATION_ROUTES);
            }
            modes.put(route, modeNamed(entry, mode));
        }
        return new StrictValidationPolicy(modes);
    }

    private static StrictMode modeNamed(String entry, String mode) {
        try {
            return StrictMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(entry, "unknown mode '" + mode + "', expected enforce, report or off");
        }
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException("STRICT_VALIDATION: invalid entry '" + entry.trim() + "': " + reason);
    }

    /**
     * The mode of a mutation route such as {@code POST /orders}.
     *
     * @throws IllegalArgumentException for a route that has no strict body
     */
    public StrictMode modeFor(String route) {
        StrictMode mode = modes.get(Objects.requireNonNull(route, "route"));
        if (mode == null) {
            throw new IllegalArgumentException("not a strict-body route: " + route);
        }
        return mode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StrictValidationPolicy policy && policy.modes.equals(modes);
    }

    @Override
    public int hashCode() {
        return modes.hashCode();
    }

    @Override
    public String toString() {
        return "StrictValidationPolicy" + modes;
    }
}
