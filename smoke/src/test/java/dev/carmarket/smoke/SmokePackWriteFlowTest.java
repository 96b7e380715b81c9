package dev.carmarket.smoke;

import static dev.carmarket.smoke.ContractStub.fixture;
import static dev.carmarket.smoke.ContractStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The opt-in internal checks and write flow against the stateful stub. */
class SmokePackWriteFlowTest {

    private final ContractStub stub = new ContractStub();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void correctServicePassesTheWholePack() {
        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--internal-token", ContractStub.INTERNAL_TOKEN,
                "--write", "--webhook-secret", ContractStub.WEBHOOK_SECRET);

        List<String> expected = new ArrayList<>(CheckNames.READ_ONLY);
        expected.addAll(List.of(CheckNames.READINESS, CheckNames.METRICS, CheckNames.WRITE_STRICT,
                CheckNames.WRITE_ORDER, CheckNames.WRITE_REPLAY, CheckNames.WRITE_PAYMENT, CheckNames.WRITE_WEBHOOK,
                CheckNames.WRITE_PAID));
        assertThat(run.failures()).isEmpty();
        assertThat(run.checkNames()).containsExactlyElementsOf(expected);
        assertThat(run.out()).contains("17 passed, 0 failed");
        assertThat(run.exitCode()).isZero();
        assertThat(stub.paid()).isTrue();
        assertThat(stub.server.hits("POST", "/orders")).isEqualTo(4); // 2 strict rejections, order, replay
    }

    @Test
    void wrongWebhookSecretIsCaughtAndTheOrderIsNotPaid() {
        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--write", "--webhook-secret", "not-the-stub-secret");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.WRITE_WEBHOOK, CheckNames.WRITE_PAID);
        assertThat(run.failures().get(CheckNames.WRITE_WEBHOOK)).contains("expected HTTP 200, got 401");
        assertThat(run.failures().get(CheckNames.WRITE_PAID)).contains("status is \"PENDING_PAYMENT\", expected PAID");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void missingReplayHeaderIsCaught() {
        stub.server.on("POST", "/orders", request -> request.body().contains("smokeProbe")
                ? json(request, 400, fixture("error-unknown-property.json"))
                : json(request, 201, fixture("order.json").replace("{{orderStatus}}", "PENDING_PAYMENT"))
                        .withHeader("Cache-Control", "no-store"));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--write", "--webhook-secret", ContractStub.WEBHOOK_SECRET);

        assertThat(run.failures()).containsOnlyKeys(CheckNames.WRITE_REPLAY);
        assertThat(run.failures().get(CheckNames.WRITE_REPLAY)).contains("Idempotent-Replayed must be 'true'");
    }

    @Test
    void serviceThatIgnoresUnknownPropertiesIsCaughtInBothModes() {
        stub.server.on("POST", "/orders", request -> json(request, 201,
                fixture("order.json").replace("{{orderStatus}}", "PENDING_PAYMENT")).withHeader("Cache-Control", "no-store"));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--write", "--webhook-secret", ContractStub.WEBHOOK_SECRET);

        assertThat(run.failures()).containsKeys(CheckNames.STRICT_BODY, CheckNames.WRITE_STRICT);
        assertThat(run.failures().get(CheckNames.STRICT_BODY)).contains("expected HTTP 400, got 201");
        assertThat(run.failures().get(CheckNames.WRITE_STRICT)).contains("expected HTTP 400, got 201");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void stepsAfterAFailedOrderFailNamingTheirMissingPrerequisite() {
        stub.server.on("POST", "/orders", request -> request.body().contains("smokeProbe")
                ? json(request, 400, fixture("error-unknown-property.json"))
                : json(request, 409, "{\"statusCode\":409,\"message\":\"Car is not available\","
                        + "\"error\":\"Conflict\",\"requestId\":\"{{requestId}}\"}"));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--write", "--webhook-secret", ContractStub.WEBHOOK_SECRET);

        assertThat(run.failures()).containsOnlyKeys(CheckNames.WRITE_ORDER, CheckNames.WRITE_REPLAY,
                CheckNames.WRITE_PAYMENT, CheckNames.WRITE_WEBHOOK, CheckNames.WRITE_PAID);
        assertThat(run.failures().get(CheckNames.WRITE_ORDER)).contains("expected HTTP 201, got 409");
        assertThat(run.failures().get(CheckNames.WRITE_PAYMENT))
                .isEqualTo("not run: needs the result of '" + CheckNames.WRITE_ORDER + "', which failed");
        assertThat(run.failures().get(CheckNames.WRITE_WEBHOOK))
                .isEqualTo("not run: needs the result of '" + CheckNames.WRITE_PAYMENT + "', which failed");
        assertThat(stub.server.hits("POST", "/payments")).isZero();
    }

    @Test
    void missingMetricSeriesIsNamed() {
        stub.server.on("GET", "/metrics", request -> ContractStub.response(request, 200, "text/plain; version=0.0.4",
                fixture("metrics.txt").replace("readiness_status", "ready")));

        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--internal-token", ContractStub.INTERNAL_TOKEN);

        assertThat(run.failures()).containsOnlyKeys(CheckNames.METRICS);
        assertThat(run.failures().get(CheckNames.METRICS)).contains("missing series [readiness_status]");
    }

    @Test
    void wrongInternalTokenIsCaught() {
        SmokeRun run = SmokeRun.against(stub.baseUrl(), "--internal-token", "wrong-token");

        assertThat(run.failures()).containsOnlyKeys(CheckNames.READINESS, CheckNames.METRICS);
        assertThat(run.failures().get(CheckNames.READINESS)).contains("expected HTTP 200, got 401");
    }
}
