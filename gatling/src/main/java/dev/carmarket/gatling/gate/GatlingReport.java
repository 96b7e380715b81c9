package dev.carmarket.gatling.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statistics and assertion tables of a Gatling 3.15 HTML report ({@code index.html}).
 * Since Gatling 3.12 the report has no stats.json and simulation.log is a private binary format,
 * so the report page is the only stable output with per-request figures. The column layout is
 * checked first: a Gatling upgrade that changes it fails here loudly instead of misreading numbers.
 */
public final class GatlingReport {

    static final String INDEX = "index.html";

    /** Columns of Gatling's table, with percentile3/4 pinned to 95/99 in src/test/resources/gatling.conf. */
    private static final Map<Integer, String> EXPECTED_HEADERS = Map.of(
            2, "Total", 4, "KO", 6, "Cnt/s", 10, "95th pct", 11, "99th pct");
    private static final int TOTAL = 2;
    private static final int KO = 4;
    private static final int RPS = 6;
    private static final int P95 = 10;
    private static final int P99 = 11;

    private static final Pattern HEADER = Pattern.compile(
            "<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]*)(?:</abbr>)?</span></th>");
    private static final Pattern STATS_ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern ROW_NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value \\w+ col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ASSERTION = Pattern.compile(
            "<td class=\"error-col-1 \\w+ total\">\\s*(.*?)\\s*<span.*?"
                    + "<td class=\"error-col-2 value \\w+ total\">\\s*(OK|KO)\\s*</td>", Pattern.DOTALL);
    private static final String GLOBAL_ROW_ID = "ROOT";

    private GatlingReport() {
    }

    /** @param reportDirectory a run's folder under target/gatling, holding index.html */
    public static SimulationReport read(String simulation, Path reportDirectory) {
        Path index = reportDirectory.resolve(INDEX);
        try {
            return parse(simulation, Files.readString(index, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the Gatling report " + index, unreadable);
        }
    }

    static SimulationReport parse(String simulation, String html) {
        checkColumns(html);
        List<RequestStats> requests = new ArrayList<>();
        Matcher row = STATS_ROW.matcher(html);
        while (row.find()) {
            Matcher name = ROW_NAME.matcher(row.group(2));
            if (!name.find()) {
                continue; // not a statistics row
            }
            boolean global = row.group(1).equals(GLOBAL_ROW_ID);
            requests.add(stats(global ? RequestStats.GLOBAL : unescape(name.group(1)), cells(row.group(2))));
        }
        // the global row first, then the requests by name: the same order in every summary
        requests.sort(Comparator.comparing((RequestStats stats) -> !stats.name().equals(RequestStats.GLOBAL))
                .thenComparing(RequestStats::name));
        if (requests.isEmpty() || !requests.get(0).name().equals(RequestStats.GLOBAL)) {
            throw new IllegalStateException("no statistics table in the Gatling report of " + simulation
                    + " (did the simulation send any request?)");
        }
        List<AssertionResult> assertions = new ArrayList<>();
        Matcher assertion = ASSERTION.matcher(html);
        while (assertion.find()) {
            assertions.add(new AssertionResult(unescape(assertion.group(1)), assertion.group(2).equals("OK")));
        }
        return new SimulationReport(simulation, requests, assertions);
    }

    private static void checkColumns(String html) {
        Map<Integer, String> headers = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            headers.put(Integer.parseInt(header.group(1)), header.group(2).strip());
        }
        EXPECTED_HEADERS.forEach((column, title) -> {
            if (!title.equals(headers.get(column))) {
                throw new IllegalStateException("unexpected Gatling report layout: column " + column + " is '"
                        + headers.get(column) + "', expected '" + title + "' (Gatling upgraded? adapt GatlingReport)");
            }
        });
    }

    private static Map<Integer, String> cells(String row) {
        Map<Integer, String> cells = new HashMap<>();
        Matcher cell = CELL.matcher(row);
        while (cell.find()) {
            cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
        }
        return cells;
    }

    private static RequestStats stats(String name, Map<Integer, String> cells) {
        return new RequestStats(name,
                (long) number(name, cells, TOTAL),
                (long) number(name, cells, KO),
                number(name, cells, RPS),
                millis(cells.get(P95)),
                millis(cells.get(P99)));
    }

    private static double number(String name, Map<Integer, String> cells, int column) {
        String text = cells.getOrDefault(column, "");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException unreadable) {
            throw new IllegalStateException("row '" + name + "' of the Gatling report has no number in column "
                    + column + " (got '" + text + "')");
        }
    }

    /** Gatling prints "-" where there is no value. */
    private static OptionalInt millis(String text) {
        return text == null || !text.matches("\\d+") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
