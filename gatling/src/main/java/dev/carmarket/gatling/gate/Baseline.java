package dev.carmarket.gatling.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * gatling/baseline.json: per simulation and request name, the p95, p99 and mean throughput of a
 * reference nightly run, plus where and when it was recorded. Written only on request
 * ({@code run.sh --update-baseline}), never as a side effect of a run.
 */
public final class Baseline {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Map<String, BaselineEntry>> simulations;
    private final Map<String, String> recordedWith;

    Baseline(Map<String, Map<String, BaselineEntry>> simulations, Map<String, String> recordedWith) {
        this.simulations = simulations;
        this.recordedWith = recordedWith;
    }

    /** An absent file is an empty baseline: every request is then reported as new. */
    public static Baseline read(Path file) {
        if (!Files.exists(file)) {
            return new Baseline(new TreeMap<>(), Map.of());
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Map<String, BaselineEntry>> simulations = new TreeMap<>();
            root.path("simulations").properties().forEach(simulation -> {
                Map<String, BaselineEntry> requests = new TreeMap<>();
                simulation.getValue().properties().forEach(request -> requests.put(request.getKey(),
                        new BaselineEntry(request.getValue().path("p95Ms").asInt(),
                                request.getValue().path("p99Ms").asInt(),
                                request.getValue().path("meanRps").asDouble())));
                simulations.put(simulation.getKey(), requests);
            });
            Map<String, String> recordedWith = new LinkedHashMap<>();
            root.path("recordedWith").properties().forEach(field -> recordedWith.put(field.getKey(),
                    field.getValue().asString()));
            return new Baseline(simulations, recordedWith);
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("cannot read baseline " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    public Optional<BaselineEntry> entry(String simulation, String request) {
        return Optional.ofNullable(simulations.getOrDefault(simulation, Map.of()).get(request));
    }

    /** Request names the baseline holds for a simulation. */
    public Set<String> requests(String simulation) {
        return simulations.getOrDefault(simulation, Map.of()).keySet();
    }

    public Map<String, String> recordedWith() {
        return recordedWith;
    }

    /**
     * This baseline with the given simulations replaced by their new figures; simulations that were
     * not run keep their old entries. Requests without percentiles (nothing answered) are left out.
     */
    public Baseline updatedWith(Iterable<SimulationReport> reports, Map<String, String> recordedWith) {
        Map<String, Map<String, BaselineEntry>> updated = new TreeMap<>(simulations);
        for (SimulationReport report : reports) {
            Map<String, BaselineEntry> requests = new TreeMap<>();
            report.requests().stream()
                    .filter(stats -> stats.p95Ms().isPresent() && stats.p99Ms().isPresent())
                    .forEach(stats -> requests.put(stats.name(), new BaselineEntry(stats.p95Ms().getAsInt(),
                            stats.p99Ms().getAsInt(), Math.round(stats.meanRps() * 100) / 100.0)));
            updated.put(report.simulation(), requests);
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("recordedAt", Instant.now().toString());
        context.putAll(recordedWith);
        return new Baseline(updated, context);
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode context = root.putObject("recordedWith");
        recordedWith.forEach(context::put);
        ObjectNode simulationsNode = root.putObject("simulations");
        simulations.forEach((simulation, requests) -> {
            ObjectNode simulationNode = simulationsNode.putObject(simulation);
            requests.forEach((request, entry) -> simulationNode.putObject(request)
                    .put("p95Ms", entry.p95Ms()).put("p99Ms", entry.p99Ms()).put("meanRps", entry.meanRps()));
        });
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + System.lineSeparator());
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write baseline " + file, unwritable);
        }
    }
}
