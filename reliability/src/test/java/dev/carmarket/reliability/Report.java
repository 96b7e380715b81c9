package dev.carmarket.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a scenario did and found, printed as one compact block when it ends (pass or fail): requests
 * sent per phase, statuses seen, orders audited, durations. docs/reliability.md quotes these blocks.
 */
final class Report {

    private final String scenario;
    private final long started = System.nanoTime();
    private final Map<String, Map<String, LongAdder>> tallies = new ConcurrentHashMap<>();
    private final List<String> facts = new ArrayList<>();

    Report(String scenario) {
        this.scenario = scenario;
    }

    /** Counts one outcome (a status or a failure name) under a phase such as "outage" or "fuzz". */
    void count(String phase, String outcome) {
        tallies.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    Reply count(String phase, Reply reply) {
        count(phase, reply.outcome());
        return reply;
    }

    /** Outcome -> count of one phase, sorted. */
    Map<String, Long> tally(String phase) {
        Map<String, Long> sorted = new TreeMap<>();
        tallies.getOrDefault(phase, Map.of()).forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        return sorted;
    }

    long total(String phase) {
        return tally(phase).values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void fact(String format, Object... args) {
        facts.add(String.format(format, args));
    }

    void print() {
        StringBuilder block = new StringBuilder()
                .append("\n[reliability] ").append(scenario).append(" (form ").append(Form.current().name())
                .append(", ").append(Duration.ofNanos(System.nanoTime() - started).toMillis()).append(" ms)\n");
        new TreeMap<>(tallies).keySet().forEach(phase -> block.append("  ").append(phase).append(": ")
                .append(total(phase)).append(" requests ").append(tally(phase)).append('\n'));
        synchronized (this) {
            facts.forEach(fact -> block.append("  ").append(fact).append('\n'));
        }
        System.out.print(block);
    }
}
