package dev.carmarket.gatling.thresholds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * gatling/thresholds.properties: every performance bound of the gate in one file.
 * <ul>
 *   <li>{@code <simulation>.<target>.<metric>=<value>}: simulation as in {@code CarSearchSimulation},
 *       target {@code global} or a request name, metric one of {@link Metric};</li>
 *   <li>{@code gate.regressionTolerancePercent} and {@code gate.latencyNoiseFloorMs}: how the
 *       comparison with baseline.json judges a regression.</li>
 * </ul>
 * Any other key is an error, so that a typo never silently drops a bound.
 */
public final class Thresholds {

    public static final String FILE_PROPERTY = "carmarket.thresholdsFile";
    public static final String DEFAULT_FILE = "thresholds.properties";
    static final String TOLERANCE_KEY = "gate.regressionTolerancePercent";
    static final String NOISE_FLOOR_KEY = "gate.latencyNoiseFloorMs";

    private final Map<String, List<Threshold>> bySimulation;
    private final RegressionPolicy regressionPolicy;

    private Thresholds(Map<String, List<Threshold>> bySimulation, RegressionPolicy regressionPolicy) {
        this.bySimulation = bySimulation;
        this.regressionPolicy = regressionPolicy;
    }

    /** The file named by {@value #FILE_PROPERTY}, else {@value #DEFAULT_FILE} in the working directory. */
    public static Thresholds fromSystemProperty() {
        return load(Path.of(System.getProperty(FILE_PROPERTY, DEFAULT_FILE)));
    }

    public static Thresholds load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return parse(properties, file.toString());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read thresholds file " + file.toAbsolutePath(), unreadable);
        }
    }

    static Thresholds parse(Properties properties, String source) {
        Map<String, List<Threshold>> bySimulation = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
            if (key.equals(TOLERANCE_KEY) || key.equals(NOISE_FLOOR_KEY)) {
                continue;
            }
            String[] parts = key.split("\\.");
            Metric metric = parts.length == 3 ? Metric.fromKey(parts[2]).orElse(null) : null;
            if (metric == null) {
                problems.add(key + ": expected <simulation>.<global|request name>.<" + Metric.keys() + ">");
                continue;
            }
            try {
                double value = number(properties.getProperty(key), key);
                bySimulation.computeIfAbsent(parts[0], simulation -> new ArrayList<>())
                        .add(new Threshold(parts[1], metric, value));
            } catch (IllegalArgumentException invalid) {
                problems.add(invalid.getMessage());
            }
        }
        double tolerance = policySetting(properties, TOLERANCE_KEY, problems);
        double noiseFloor = policySetting(properties, NOISE_FLOOR_KEY, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid thresholds file " + source + ":\n  " + String.join("\n  ", problems));
        }
        bySimulation.values().forEach(list -> list.sort(
                Comparator.comparing(Threshold::target).thenComparing(Threshold::metric)));
        return new Thresholds(bySimulation, new RegressionPolicy(tolerance, noiseFloor));
    }

    /**
     * The bounds of one simulation.
     *
     * @param requestNames every request name the simulation issues: a target naming none of them is a
     *                     typo or a renamed request, and fails here rather than asserting on nothing
     * @throws IllegalArgumentException when the simulation has no bound at all or names an unknown request
     */
    public List<Threshold> forSimulation(String simulation, Set<String> requestNames) {
        List<Threshold> thresholds = bySimulation.getOrDefault(simulation, List.of());
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("thresholds file has no bound for simulation " + simulation);
        }
        List<String> unknown = thresholds.stream()
                .filter(threshold -> !threshold.isGlobal() && !requestNames.contains(threshold.target()))
                .map(threshold -> simulation + "." + threshold.target() + "." + threshold.metric().key())
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("thresholds for requests that " + simulation + " does not issue: "
                    + unknown + "; its requests are " + new TreeSet<>(requestNames));
        }
        return thresholds;
    }

    public RegressionPolicy regressionPolicy() {
        return regressionPolicy;
    }

    /** The setting's value, or 0 with a problem recorded when it is missing or invalid. */
    private static double policySetting(Properties properties, String key, List<String> problems) {
        String value = properties.getProperty(key);
        if (value == null) {
            problems.add(key + ": missing");
            return 0;
        }
        try {
            return number(value, key);
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
            return 0;
        }
    }

    private static double number(String text, String key) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(key + ": must be a number >= 0, got '" + text + "'");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + ": must be a number >= 0, got '" + text + "'");
        }
    }
}
