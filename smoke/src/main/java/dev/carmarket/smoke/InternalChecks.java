package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Internal endpoints, reachable with the bearer token (only run when --internal-token is given). */
final class InternalChecks {

    /**
     * Series /metrics must expose (docs/observability.md, metric catalogue); a trailing "*" means "any series with this prefix".
     * db_query_seconds_count is not required: an instance on the in-memory store runs no queries.
     */
    static final List<String> REQUIRED_METRIC_SERIES = List.of(
            "http_server_requests_seconds_count",
            "readiness_status",
            "jvm_*");

    private final ResponseAssertions expect;
    private final Map<String, String> authorization;

    InternalChecks(ResponseAssertions expect, String internalToken) {
        this.expect = expect;
        this.authorization = Map.of("Authorization", "Bearer " + internalToken);
    }

    List<Check> checks() {
        return List.of(
                new Check("internal: GET /health/ready is UP", this::readiness),
                new Check("internal: GET /metrics exposes the required series", this::metrics));
    }

    private void readiness(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get("/health/ready", authorization);
        expect.status(exchange, 200);
        JsonNode body = expect.jsonBody(exchange);
        failUnless(ResponseAssertions.isString(body.path("status"), "UP"),
                exchange.describe() + ": expected status UP, got " + body);
        failUnless(body.path("checks").isMissingNode() || body.path("checks").isObject(),
                exchange.describe() + ": checks must be an object, got " + body.path("checks"));
    }

    private void metrics(CheckSession session) throws CheckFailure {
        Map<String, String> headers = new HashMap<>(authorization);
        headers.put("Accept", "text/plain"); // the Prometheus text format, not a JSON rendering
        Exchange exchange = session.get("/metrics", headers);
        expect.status(exchange, 200);
        String contentType = exchange.header("Content-Type").orElse("");
        failUnless(contentType.startsWith("text/plain") || contentType.startsWith("application/openmetrics-text"),
                exchange.describe() + ": Content-Type is '" + contentType + "', expected the Prometheus text format");
        Set<String> exposed = seriesNames(exchange.body());
        List<String> missing = REQUIRED_METRIC_SERIES.stream()
                .filter(required -> !isExposed(required, exposed))
                .toList();
        failUnless(missing.isEmpty(), exchange.describe() + ": missing series " + missing);
    }

    /** The name of every sample line ("name{labels} value" or "name value"); comments skipped. */
    static Set<String> seriesNames(String exposition) {
        return exposition.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("[{\\s]", 2)[0])
                .collect(Collectors.toSet());
    }

    private static boolean isExposed(String required, Set<String> exposed) {
        if (required.endsWith("*")) {
            String prefix = required.substring(0, required.length() - 1);
            return exposed.stream().anyMatch(name -> name.startsWith(prefix));
        }
        return exposed.contains(required);
    }
}
