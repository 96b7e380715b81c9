package dev.carmarket.smoke;

import static dev.carmarket.smoke.ContractStub.fixture;
import static dev.carmarket.smoke.ContractStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only pack against a hand-written correct stub, then against one deliberate breakage at a time: each
 * must be caught by the right check, with a reason that names the problem, and a non-zero exit code.
 */
class SmokePackReadOnlyTest {

    private static final String DEFAULT_PAGE = fixture("search-default.json");
    private static final String PETROL_PAGE = fixture("search-petrol-price-asc.json");
    private static final String LIMIT_ERROR = fixture("error-limit-invalid.json");
    private static final String DETAILS = fixture("car-details.json").replace("{{carStatus}}", "AVAILABLE");

    private final ContractStub stub = new ContractStub();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void correctServicePassesEveryCheck() {
        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).isEmpty();
        assertThat(run.checkNames()).containsExactlyElementsOf(CheckNames.READ_ONLY);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("9 passed, 0 failed");
        assertThat(run.out().lines().filter(line -> line.startsWith("PASS "))).hasSize(9);
    }

    @Test
    void readOnlyRunSendsNoRequestThatCouldCreateAnything() {
        SmokeRun.against(stub.baseUrl());

        assertThat(stub.carStatus()).isEqualTo("AVAILABLE");
        assertThat(stub.server.hits("POST", "/payments")).isZero();
        assertThat(stub.server.hits("POST", "/payments/webhook")).isZero();
    }

    @Test
    void renamedKeyInTheErrorEnvelopeIsCaught() {
        stub.server.on("GET", ContractStub.UNKNOWN_CAR_PATH, request -> json(request, 404,
                fixture("error-car-not-found.json").replace("\"statusCode\"", "\"status\"")));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.UNKNOWN_CAR);
        assertThat(run.failures().get(CheckNames.UNKNOWN_CAR)).contains("error-response.json").contains("statusCode");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void renamedKeyInListedCarsIsCaught() {
        onSearch(DEFAULT_PAGE, PETROL_PAGE.replace("\"fuelType\"", "\"fuel\""), LIMIT_ERROR);

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.SORTED_SEARCH);
        assertThat(run.failures().get(CheckNames.SORTED_SEARCH)).contains("car-search-response.json")
                .contains("fuelType");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void statusCodeAsStringIsCaught() {
        onSearch(DEFAULT_PAGE, PETROL_PAGE, LIMIT_ERROR.replace("\"statusCode\":400", "\"statusCode\":\"400\""));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.INVALID_LIMIT);
        assertThat(run.failures().get(CheckNames.INVALID_LIMIT)).contains("statusCode");
    }

    @Test
    void statusCodeAsFloatingPointNumberIsCaughtEvenThoughJsonSchemaCallsItAnInteger() {
        onSearch(DEFAULT_PAGE, PETROL_PAGE, LIMIT_ERROR.replace("\"statusCode\":400", "\"statusCode\":400.0"));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.INVALID_LIMIT);
        assertThat(run.failures().get(CheckNames.INVALID_LIMIT)).contains("statusCode").contains("integer");
    }

    @Test
    void singleStringMessageForAValidationFailureIsCaught() {
        String singleMessage = LIMIT_ERROR.replace("[\"limit must not be less than 1\"]",
                "\"limit must not be less than 1\"");
        onSearch(DEFAULT_PAGE, PETROL_PAGE, singleMessage);

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.INVALID_LIMIT);
        assertThat(run.failures().get(CheckNames.INVALID_LIMIT)).contains("array");
    }

    @Test
    void errorEnvelopeKeysOutOfLegacyOrderAreCaught() {
        stub.server.on("GET", ContractStub.UNKNOWN_CAR_PATH, request -> json(request, 404,
                "{\"message\":\"Car not found\",\"statusCode\":404,\"error\":\"Not Found\",\"requestId\":\"{{requestId}}\"}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.UNKNOWN_CAR);
        assertThat(run.failures().get(CheckNames.UNKNOWN_CAR)).contains("keys out of order")
                .contains("[statusCode, message, error, requestId]");
    }

    @Test
    void successEnvelopeKeysOutOfOrderAreCaught() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode dataFirst = mapper.createObjectNode();
        dataFirst.set("data", mapper.readTree(DETAILS).get("data"));
        dataFirst.put("success", true);
        stub.server.on("GET", "/car-details/" + ContractStub.LISTED_CAR_ID,
                request -> json(request, 200, dataFirst.toString()));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.DETAILS);
        assertThat(run.failures().get(CheckNames.DETAILS)).contains("envelope keys out of order: expected "
                + "[success, data], got [data, success]");
    }

    @Test
    void nonJsonContentTypeIsCaught() {
        stub.server.on("GET", "/health/live", request -> ContractStub.response(request, 200, "text/plain", "UP"));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.LIVENESS);
        assertThat(run.failures().get(CheckNames.LIVENESS)).contains("Content-Type is 'text/plain', expected "
                + "application/json");
    }

    @Test
    void yearAsStringInCarDetailsIsCaught() {
        stub.server.on("GET", "/car-details/" + ContractStub.LISTED_CAR_ID, request -> json(request, 200,
                DETAILS.replace("\"year\": 2019", "\"year\": \"2019\"")));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.DETAILS);
        assertThat(run.failures().get(CheckNames.DETAILS)).contains("car-details-response.json").contains("year");
    }

    @Test
    void missingSecurityHeaderIsCaught() {
        stub.server.suppressHeader("X-Content-Type-Options");

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.SECURITY_HEADERS);
        assertThat(run.failures().get(CheckNames.SECURITY_HEADERS)).contains("X-Content-Type-Options missing");
    }

    @Test
    void helmetExtraHeaderIsOnlyRequiredAtHelmetStrictness() {
        stub.server.suppressHeader("Cross-Origin-Opener-Policy");

        SmokeRun helmet = SmokeRun.against(stub.baseUrl());
        SmokeRun core = SmokeRun.against(stub.baseUrl(), "--headers", "core");

        assertThat(helmet.failures()).containsOnlyKeys(CheckNames.SECURITY_HEADERS);
        assertThat(helmet.failures().get(CheckNames.SECURITY_HEADERS)).contains("Cross-Origin-Opener-Policy missing");
        assertThat(core.failures()).isEmpty();
        assertThat(core.exitCode()).isZero();
    }

    @Test
    void requestIdThatIsNotEchoedIsCaught() {
        stub.server.suppressHeader("X-Request-Id");

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.CORRELATION);
        assertThat(run.failures().get(CheckNames.CORRELATION)).contains("got back none");
    }

    @Test
    void wrongStatusIsCaught() {
        stub.server.on("GET", ContractStub.UNKNOWN_CAR_PATH, request -> json(request, 400,
                "{\"statusCode\":400,\"message\":[\"id must be a UUID\"],\"error\":\"Bad Request\",\"requestId\":\"{{requestId}}\"}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.UNKNOWN_CAR);
        assertThat(run.failures().get(CheckNames.UNKNOWN_CAR)).contains("expected HTTP 404, got 400");
    }

    @Test
    void brokenPaginationArithmeticIsCaught() {
        onSearch(DEFAULT_PAGE.replace("\"totalPages\": 1", "\"totalPages\": 2"), PETROL_PAGE, LIMIT_ERROR);

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.SEARCH);
        assertThat(run.failures().get(CheckNames.SEARCH)).contains("totalPages is 2, but ceil(3 / 20) = 1");
    }

    @Test
    void reservedCarInTheSearchIsCaught() {
        onSearch(DEFAULT_PAGE.replaceFirst("\"AVAILABLE\"", "\"RESERVED\""), PETROL_PAGE, LIMIT_ERROR);

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.SEARCH);
        assertThat(run.failures().get(CheckNames.SEARCH)).contains("status \"RESERVED\", expected AVAILABLE");
    }

    @Test
    void priceOrderViolationIsCaught() {
        onSearch(DEFAULT_PAGE, PETROL_PAGE.replace("\"amount\": 12990.5", "\"amount\": 99990.5"), LIMIT_ERROR);

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).containsOnlyKeys(CheckNames.SORTED_SEARCH);
        assertThat(run.failures().get(CheckNames.SORTED_SEARCH)).contains("price_asc violated")
                .contains("18990.00 after one costing 99990.5");
    }

    @Test
    void slowResponsePastTheTimeoutFailsWithoutRetry() {
        stub.server.on("GET", "/health/live", request -> json(request, 200, fixture("health-live.json"))
                .delayedBy(Duration.ofMillis(1500)));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--timeout", "300ms");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.LIVENESS);
        assertThat(run.failures().get(CheckNames.LIVENESS)).contains("no response within 300 ms");
        assertThat(stub.server.hits("GET", "/health/live")).isEqualTo(1);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void stalledBodyIsBoundedByTheTimeoutToo() {
        stub.server.on("GET", "/health/live", request -> json(request, 200, fixture("health-live.json"))
                .withBodyStalledFor(Duration.ofMillis(1500)));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--timeout", "300ms");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.LIVENESS);
        assertThat(run.failures().get(CheckNames.LIVENESS)).contains("no response within 300 ms");
        assertThat(run.report().path("checks").get(0).path("durationMs").asLong()).isLessThan(1500);
    }

    @Test
    void unavailableThatRecoversPassesAfterOneRetry() {
        AtomicInteger calls = new AtomicInteger();
        stub.server.on("GET", "/health/live", request -> calls.incrementAndGet() == 1
                ? json(request, 503, "{\"statusCode\":503,\"message\":\"Service temporarily unavailable\","
                        + "\"error\":\"Service Unavailable\",\"requestId\":\"{{requestId}}\"}")
                : json(request, 200, fixture("health-live.json")));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.failures()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(stub.server.hits("GET", "/health/live")).isEqualTo(2);
    }

    @Test
    void unavailableThatNeverRecoversFailsAfterTheRetries() {
        stub.server.on("GET", "/health/live", request -> json(request, 503, "{\"statusCode\":503,"
                + "\"message\":\"Service temporarily unavailable\",\"error\":\"Service Unavailable\","
                + "\"requestId\":\"{{requestId}}\"}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--retries", "2");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.LIVENESS);
        assertThat(run.failures().get(CheckNames.LIVENESS)).contains("expected HTTP 200, got 503 after 3 attempts");
        assertThat(stub.server.hits("GET", "/health/live")).isEqualTo(3);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void shapeMismatchIsNeverRetried() {
        stub.server.on("GET", "/health/live", request -> json(request, 200, "{\"state\":\"UP\"}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--retries", "2");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.LIVENESS);
        assertThat(run.failures().get(CheckNames.LIVENESS)).contains("expected {\"status\":\"UP\"}");
        assertThat(stub.server.hits("GET", "/health/live")).isEqualTo(1);
    }

    @Test
    void refusedConnectionsAreRetriedThenEveryCheckFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SmokeRun run = SmokeRun.against("http://127.0.0.1:" + closedPort, "--retries", "1");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.READ_ONLY.toArray(String[]::new));
        assertThat(run.failures().values()).allSatisfy(reason -> assertThat(reason).contains("failed after 2 attempts"));
        assertThat(run.out()).contains("0 passed, 9 failed");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aFailureIsOneLineNamingTheRequestId() {
        stub.server.on("GET", "/health/live", request -> json(request, 500, "{\n  \"statusCode\": 500,\n"
                + "  \"message\": \"Internal server error\",\n  \"error\": \"Internal Server Error\"\n}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl());

        assertThat(run.out().lines()).hasSize(11); // heading, one line per check, summary
        String line = run.out().lines().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
        assertThat(line).startsWith("FAIL " + CheckNames.LIVENESS + " (").contains("requestId smoke-")
                .contains("expected HTTP 200, got 500");
        assertThat(run.report().path("checks").get(0).path("requestId").stringValue()).startsWith("smoke-");
    }

    /** Replaces the search route: the default page, the PETROL price_asc page and the limit=0 error. */
    private void onSearch(String defaultPage, String petrolPage, String limitError) {
        stub.server.on("GET", "/car-details/search", request -> {
            if (request.queryHas("limit=0")) {
                return json(request, 400, limitError);
            }
            return json(request, 200, request.queryHas("fuelType=PETROL") ? petrolPage : defaultPage);
        });
    }
}
