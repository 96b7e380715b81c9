package dev.carmarket.reliability;

import java.time.Duration;
import java.util.Locale;

/**
 * How hard and how long the scenarios run: {@code short} (default, .ci/run, the whole module in a few
 * minutes on 2 cores) or {@code long} (nightly: {@code -Dreliability.form=long}).
 */
record Form(
        String name,
        Duration outage,
        int loadWorkers,
        int fuzzRequests,
        int fuzzConcurrency,
        Duration restartTraffic,
        Duration soak,
        int slowClients,
        int webhookCopies) {

    static final Form SHORT = new Form("short", Duration.ofSeconds(10), 8, 10_000, 32,
            Duration.ofSeconds(12), Duration.ofSeconds(20), 200, 50);
    static final Form LONG = new Form("long", Duration.ofSeconds(30), 16, 50_000, 64,
            Duration.ofSeconds(60), Duration.ofMinutes(5), 1_000, 200);

    static Form current() {
        String name = System.getProperty("reliability.form", "short").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "short" -> SHORT;
            case "long" -> LONG;
            default -> throw new IllegalArgumentException("reliability.form must be short or long, got '" + name + "'");
        };
    }
}
