package dev.carmarket.smoke;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The results of one run, as text lines for people and as JSON for CI. */
record SmokeReport(String baseUrl, List<CheckResult> results) {

    static final int ALL_PASSED = 0;
    static final int SOME_FAILED = 1;

    long passed() {
        return results.stream().filter(CheckResult::passed).count();
    }

    long failed() {
        return results.size() - passed();
    }

    int exitCode() {
        return failed() == 0 ? ALL_PASSED : SOME_FAILED;
    }

    String summary() {
        return passed() + " passed, " + failed() + " failed";
    }

    /** One line: "PASS name (12 ms, requestId smoke-...)" or "FAIL name (12 ms, requestId ...): reason". */
    static String line(CheckResult result) {
        String requestId = result.requestId().isEmpty() ? "no request" : "requestId " + result.requestId();
        String head = (result.passed() ? "PASS " : "FAIL ") + result.name() + " (" + result.durationMillis() + " ms, "
                + requestId + ")";
        // a reason quotes response bodies, which may span lines; the report keeps one line per check
        return result.passed() ? head : head + ": " + result.reason().replaceAll("\\s*\\R\\s*", " ");
    }

    ObjectNode toJson(JsonMapper mapper) {
        ObjectNode report = mapper.createObjectNode();
        report.put("baseUrl", baseUrl);
        report.put("passed", passed());
        report.put("failed", failed());
        ArrayNode checks = report.putArray("checks");
        for (CheckResult result : results) {
            ObjectNode check = checks.addObject();
            check.put("name", result.name());
            check.put("status", result.passed() ? "PASS" : "FAIL");
            check.put("durationMs", result.durationMillis());
            check.put("requestId", result.requestId());
            check.put("reason", result.reason());
        }
        return report;
    }
}
