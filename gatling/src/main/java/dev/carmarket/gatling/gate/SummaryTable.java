package dev.carmarket.gatling.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The gate's plain-text summary: one aligned line per request, readable in a CI log. */
final class SummaryTable {

    private static final String[] HEADERS = {
        "simulation", "request", "count", "KO%", "p95", "p99", "rps", "base p95/p99/rps", "delta p95/p99/rps", "verdict"};

    private SummaryTable() {
    }

    static String render(List<RequestComparison> comparisons) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (RequestComparison comparison : comparisons) {
            rows.add(new String[] {
                comparison.simulation(),
                comparison.request(),
                comparison.current().map(stats -> Long.toString(stats.count())).orElse("-"),
                comparison.current().map(stats -> format("%.2f", stats.failedPercent())).orElse("-"),
                comparison.current().map(stats -> millis(stats.p95Ms())).orElse("-"),
                comparison.current().map(stats -> millis(stats.p99Ms())).orElse("-"),
                comparison.current().map(stats -> format("%.2f", stats.meanRps())).orElse("-"),
                comparison.baseline().map(entry -> entry.p95Ms() + "/" + entry.p99Ms() + "/"
                        + format("%.2f", entry.meanRps())).orElse("-"),
                percent(comparison.p95DeltaPercent()) + "/" + percent(comparison.p99DeltaPercent()) + "/"
                        + percent(comparison.rpsDeltaPercent()),
                comparison.verdict().name()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                // text columns left-aligned, figures right-aligned
                boolean text = column < 2 || column == row.length - 1;
                String cell = text ? String.format("%-" + widths[column] + "s", row[column])
                        : String.format("%" + widths[column] + "s", row[column]);
                table.append(cell).append(column == row.length - 1 ? "" : "  ");
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String millis(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "-";
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? format("%+.0f%%", value.getAsDouble()) : "-";
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
