package dev.carmarket.gatling.gate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line of {@link PerformanceGate}; every unknown or incomplete argument is an error. */
record GateArguments(GateMode mode, Path thresholds, Path baseline, Map<String, Path> reports,
        Map<String, String> context, boolean updateBaseline) {

    static GateArguments parse(String... args) {
        GateMode mode = null;
        Path thresholds = null;
        Path baseline = null;
        Map<String, Path> reports = new LinkedHashMap<>();
        Map<String, String> context = new LinkedHashMap<>();
        boolean updateBaseline = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--update-baseline")) {
                updateBaseline = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--mode" -> mode = GateMode.parse(value);
                case "--thresholds" -> thresholds = Path.of(value);
                case "--baseline" -> baseline = Path.of(value);
                case "--report" -> reports.put(key(option, value), Path.of(value.substring(value.indexOf('=') + 1)));
                case "--context" -> context.put(key(option, value), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (mode == null || thresholds == null || baseline == null || reports.isEmpty()) {
            throw new IllegalArgumentException("usage: --mode nightly|pr --thresholds FILE --baseline FILE"
                    + " --report Simulation=DIR... [--context key=value...] [--update-baseline]");
        }
        return new GateArguments(mode, thresholds, baseline, reports, context, updateBaseline);
    }

    private static String key(String option, String value) {
        int separator = value.indexOf('=');
        if (separator < 1) {
            throw new IllegalArgumentException(option + " expects name=value, got '" + value + "'");
        }
        return value.substring(0, separator);
    }
}
