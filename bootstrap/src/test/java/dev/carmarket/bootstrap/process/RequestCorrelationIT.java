package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.RawHttp.Answered;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance: the packaged jar on real PostgreSQL, JSON logs. Concurrent requests, each with its own
 * valid {@code X-Request-Id}: each id is echoed, is in the error envelope, and is the {@code requestId}
 * of exactly that request's log lines, the access line of the web adapter and the lines the
 * PostgreSQL driver logs inside the store adapter alike, with no id leaking into another request's
 * lines. Invalid ids are replaced by a fresh UUID.
 */
class RequestCorrelationIT {

    private static final String ACCESS_LOGGER = "dev.carmarket.adapters.web.http.AccessLogFilter";
    /** The R2DBC PostgreSQL driver's query log: one line per statement, written inside the store adapter's call. */
    private static final String DRIVER_QUERY_LOGGER = "io.r2dbc.postgresql.QUERY";
    private static final int CONCURRENT_REQUESTS = 24;
    private static final String WARM_UP = "warm-up-";
    /** DATABASE_POOL_MAX of ProductionEnvironment. */
    private static final int POOL_MAX = 4;
    /** The first statement the driver runs on a new connection. */
    private static final String CONNECTION_SET_UP = "Executing query: SHOW TRANSACTION ISOLATION LEVEL";
    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void everyLogLineOfARequestCarriesItsIdAndOnlyIts() throws Exception {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> environment = new HashMap<>(ProductionEnvironment.of(port, database.url()));
            environment.put("JAVA_TOOL_OPTIONS", "-Dlogging.level." + DRIVER_QUERY_LOGGER + "=DEBUG");
            try (CarmarketProcess process = CarmarketProcess.start(environment)) {
                process.awaitListening(port, Duration.ofSeconds(60));

                warmUpThePool(port, process);
                Map<String, Answered> answers = concurrentLookups(port, "corr-", CONCURRENT_REQUESTS);
                List<String> invalidIds = List.of("r".repeat(129), "has space", "ünicode", "semi;colon",
                        "abc%0D%0AX-Injected:1");
                List<Answered> replaced = invalidIds.stream()
                        .map(id -> (Answered) RawHttp.get(port, "/health/live", "X-Request-Id: " + id))
                        .toList();
                assertThat(process.stop("TERM", Duration.ofSeconds(30))).isZero();

                answers.forEach((requestId, answer) -> {
                    assertThat(answer.status()).isEqualTo(404);
                    assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
                    assertThat(InternalHttp.JSON.readTree(answer.body()).path("requestId").asString())
                            .isEqualTo(requestId);
                });
                assertThat(replaced).allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.header("X-Request-Id")).matches(UUID_TEXT);
                });

                List<JsonNode> lines = jsonLines(process.stdout());
                assertAccessLines(lines, answers.keySet());
                assertDriverLinesBelongToTheirRequest(afterWarmUp(lines), answers.keySet());
                assertThat(lines).noneMatch(line -> invalidIds.contains(line.path("requestId").asString()));
            }
        }
    }

    /**
     * Has the pool open all its connections before the requests under test: the statements the driver
     * runs when it opens one belong to the pooled connection, which outlives the request that caused it.
     */
    private static void warmUpThePool(int port, CarmarketProcess process) throws Exception {
        for (int round = 0; round < 10 && connectionsOpened(process) < POOL_MAX; round++) {
            concurrentLookups(port, WARM_UP, 8);
        }
        assertThat(connectionsOpened(process)).as("connections opened by the warm-up").isEqualTo(POOL_MAX);
    }

    private static long connectionsOpened(CarmarketProcess process) {
        return process.stdout().lines().filter(line -> line.contains(CONNECTION_SET_UP)).count();
    }

    /** GET /car-details/{random id} (a 404 after one query) from many threads at once, each with its own id. */
    private static Map<String, Answered> concurrentLookups(int port, String idPrefix, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = IntStream.range(0, requests).mapToObj(n -> idPrefix + n + "." + UUID.randomUUID())
                    .toList();
            Map<String, Future<RawHttp.Outcome>> pending = ids.stream().collect(Collectors.toMap(Function.identity(),
                    id -> clients.submit(() -> RawHttp.get(port, "/car-details/" + UUID.randomUUID(),
                            "X-Request-Id: " + id, "User-Agent: agent-" + id, "X-Forwarded-For: 203.0.113.7"))));
            Map<String, Answered> answers = new HashMap<>();
            for (Map.Entry<String, Future<RawHttp.Outcome>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), (Answered) entry.getValue().get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertAccessLines(List<JsonNode> lines, Set<String> requestIds) {
        Map<String, List<JsonNode>> byId = lines.stream()
                .filter(line -> line.path("logger_name").asString().equals(ACCESS_LOGGER))
                .collect(Collectors.groupingBy(line -> line.path("requestId").asString()));
        for (String requestId : requestIds) {
            assertThat(byId.get(requestId)).as("access lines of %s", requestId).hasSize(1);
            JsonNode access = byId.get(requestId).get(0);
            assertThat(access.path("method").asString()).isEqualTo("GET");
            assertThat(access.path("route").asString()).isEqualTo("/car-details/{id}");
            assertThat(access.path("status").asInt()).isEqualTo(404);
            assertThat(access.path("durationMs").isIntegralNumber()).isTrue();
            // The peer 127.0.0.1 is a trusted proxy (TRUST_PROXY): the forwarded client is believed.
            assertThat(access.path("clientIp").asString()).isEqualTo("203.0.113.7");
            assertThat(access.path("userAgent").asString()).isEqualTo("agent-" + requestId);
            assertThat(access.path("level").asString()).isEqualTo("INFO");
            assertThat(access.path("@timestamp").asString()).isNotEmpty();
            assertThat(access.path("message").asString()).startsWith("GET /car-details/{id} 404 ");
        }
    }

    /**
     * Every driver line but the readiness pings names one of the requests, and each request has the same
     * number of such lines (its own statements): a leaked id would give one request more and another fewer.
     */
    private static void assertDriverLinesBelongToTheirRequest(List<JsonNode> lines, Set<String> requestIds) {
        List<JsonNode> driverLines = lines.stream()
                .filter(line -> line.path("logger_name").asString().equals(DRIVER_QUERY_LOGGER))
                // The readiness refresh's ping serves no request.
                .filter(line -> !line.path("message").asString().contains("SELECT 1 AS ok"))
                .toList();
        Map<String, Long> perRequest = driverLines.stream()
                .collect(Collectors.groupingBy(line -> line.path("requestId").asString(), Collectors.counting()));
        assertThat(perRequest.keySet()).as("driver lines carry the request's id").isEqualTo(requestIds);
        assertThat(Set.copyOf(perRequest.values())).as("statements per request: %s", perRequest).hasSize(1);
    }

    private static List<JsonNode> afterWarmUp(List<JsonNode> lines) {
        int lastWarmUpLine = IntStream.range(0, lines.size())
                .filter(index -> lines.get(index).path("requestId").asString().startsWith(WARM_UP))
                .max().orElseThrow();
        return lines.subList(lastWarmUpLine + 1, lines.size());
    }

    private static List<JsonNode> jsonLines(String stdout) {
        List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("{"));
        return lines.stream().map(line -> InternalHttp.JSON.readTree(line)).toList();
    }
}
