package dev.carmarket.smoke;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Command-line entry point of the compatibility smoke pack (see smoke/README.md). */
public final class SmokeMain {

    static final int USAGE_ERROR = 2;

    private SmokeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    /** Runs the pack and returns the exit status: 0 all passed, 1 a check failed, 2 usage error. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (SmokeOptionsParser.isHelpRequest(args)) {
            out.print(SmokeOptionsParser.USAGE);
            return SmokeReport.ALL_PASSED;
        }
        SmokeOptions options;
        try {
            options = SmokeOptionsParser.parse(args, env);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(SmokeOptionsParser.USAGE);
            return USAGE_ERROR;
        }
        ContractSchemas schemas;
        try {
            schemas = ContractSchemas.loadFromClasspath();
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return SmokeReport.SOME_FAILED;
        }
        PrintStream text = options.jsonReportToStdout() ? err : out;
        text.println("carmarket smoke pack against " + options.baseUrl()
                + (options.write() ? " (write flow ON)" : " (read-only)"));
        HttpProbe probe = new HttpProbe(options.baseUrl(), options.timeout(), options.retryPolicy());
        List<Check> checks = SmokePack.checks(options, schemas, Clock.systemUTC());
        List<CheckResult> results = new SmokeRunner(probe).run(checks, result -> text.println(SmokeReport.line(result)));
        SmokeReport report = new SmokeReport(options.baseUrl().toString(), results);
        text.println(report.summary());
        return writeJsonReport(options, report, out, err) ? report.exitCode() : SmokeReport.SOME_FAILED;
    }

    private static boolean writeJsonReport(SmokeOptions options, SmokeReport report, PrintStream out,
                                           PrintStream err) {
        if (options.jsonReport().isEmpty()) {
            return true;
        }
        JsonMapper mapper = SmokeJson.newMapper();
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(mapper));
        if (options.jsonReportToStdout()) {
            out.println(json);
            return true;
        }
        try {
            Files.writeString(options.jsonReport().get(), json + System.lineSeparator());
            return true;
        } catch (IOException e) {
            err.println("error: cannot write the JSON report to " + options.jsonReport().get() + ": " + e);
            return false;
        }
    }
}
