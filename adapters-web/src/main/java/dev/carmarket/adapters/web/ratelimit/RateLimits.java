package dev.carmarket.adapters.web.ratelimit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rate limit of every route class ({@code RATE_LIMITS}). A spec names the classes it changes, e.g.
 * {@code reads=20/s:100,writes=2/s:10}; the others keep their defaults. {@code off} switches them all off.
 *
 * <p>The defaults leave a household or an office behind one address far below the limits while browsing:
 * a person reads less than one page a second on average, and the read burst covers a results page that
 * loads its details at once. See docs/security.md for the reasoning and how to tune them.
 */
public record RateLimits(Map<RouteClass, RateLimit> byClass) {

    public static final RateLimits DEFAULT = new RateLimits(Map.of(
            RouteClass.READS, RateLimit.parse("40/s:200"),
            RouteClass.WRITES, RateLimit.parse("2/s:20"),
            RouteClass.WEBHOOK, RateLimit.parse("20/s:100")));

    public static final String OFF = "off";

    public RateLimits {
        EnumMap<RouteClass, RateLimit> copy = new EnumMap<>(RouteClass.class);
        copy.putAll(byClass);
        if (copy.size() != RouteClass.values().length) {
            throw new IllegalArgumentException("every route class needs a limit, got " + copy.keySet());
        }
        byClass = Collections.unmodifiableMap(copy);
    }

    public RateLimit of(RouteClass routeClass) {
        return byClass.get(routeClass);
    }

    /**
     * @return empty for {@code off}
     * @throws IllegalArgumentException naming the first bad entry and the expected form
     */
    public static Optional<RateLimits> parse(String spec) {
        if (spec.strip().equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        EnumMap<RouteClass, RateLimit> limits = new EnumMap<>(DEFAULT.byClass);
        EnumMap<RouteClass, RateLimit> given = new EnumMap<>(RouteClass.class);
        for (String entry : spec.split(",", -1)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("entry '" + entry.strip() + "' is not <class>=<rate>/<s|m|h>:<burst>"
                        + " (classes: reads, writes, webhook), or the whole value is off");
            }
            String name = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            RouteClass routeClass = RouteClass.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown class '" + name + "', expected reads, writes or webhook"));
            if (given.put(routeClass, RateLimit.parse(entry.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("class '" + name + "' is given twice");
            }
        }
        limits.putAll(given);
        return Optional.of(new RateLimits(limits));
    }

    @Override
    public String toString() {
        return byClass.entrySet().stream()
                .map(entry -> entry.getKey().label() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
