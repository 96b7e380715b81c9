package dev.carmarket.smoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the pack, as a CI job would see it: exit code, output and the JSON report. */
record SmokeRun(int exitCode, String out, String err, JsonNode report) {

    /** Runs the CLI with {@code args} and no environment; the report comes from a --json file when one is given. */
    static SmokeRun of(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SmokeMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new SmokeRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                null);
    }

    /** Runs the pack against {@code baseUrl} with fast retries and a JSON report file. */
    static SmokeRun against(String baseUrl, String... options) {
        try {
            Path report = Files.createTempFile("smoke-report", ".json");
            try {
                List<String> args = new ArrayList<>(List.of("--base-url", baseUrl, "--json", report.toString()));
                if (!List.of(options).contains("--retry-backoff")) {
                    args.addAll(List.of("--retry-backoff", "10ms"));
                }
                args.addAll(List.of(options));
                SmokeRun run = of(args);
                String json = Files.readString(report);
                return new SmokeRun(run.exitCode(), run.out(), run.err(),
                        json.isBlank() ? null : JsonMapper.builder().build().readTree(json));
            } finally {
                Files.deleteIfExists(report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Failed check name to reason, in run order. */
    Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (JsonNode check : report.path("checks")) {
            if (check.path("status").stringValue().equals("FAIL")) {
                failures.put(check.path("name").stringValue(), check.path("reason").stringValue());
            }
        }
        return failures;
    }

    List<String> checkNames() {
        List<String> names = new ArrayList<>();
        report.path("checks").forEach(check -> names.add(check.path("name").stringValue()));
        return names;
    }
}
