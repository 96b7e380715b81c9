package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user and a CI job meet it: usage errors, help, JSON to stdout. */
class SmokeCommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "--base-url http://127.0.0.1:1 --bogus|unknown option '--bogus'",
        "--base-url not-a-url|malformed --base-url 'not-a-url'",
        "--base-url ftp://example.com|expected an absolute http:// or https:// URL",
        "--base-url http://|malformed --base-url",
        "--base-url https://user:pw@example.com|credentials in the URL are not supported",
        "--base-url https://example.com?x=1|no query or fragment",
        "--internal-token abc|missing --base-url",
        "--base-url https://example.com --write|--write needs --webhook-secret",
        "--base-url https://example.com --timeout soon|--timeout 'soon' is not a duration",
        "--base-url https://example.com --timeout 0|--timeout must be positive",
        "--base-url https://example.com --retries 11|--retries must be between 0 and 10",
        "--base-url https://example.com --retries two|--retries 'two' is not a whole number",
        "--base-url https://example.com --headers lax|--headers must be helmet or core",
        "--base-url https://example.com --base-url https://other.example|--base-url given twice",
        "--base-url|--base-url needs a value",
        "https://example.com|unknown option 'https://example.com'"
    })
    void badInputIsAUsageErrorWithoutAStackTrace(String caseLine) {
        String[] parts = caseLine.split("\\|");
        SmokeRun run = SmokeRun.of(List.of(parts[0].split(" ")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(parts[1]).contains("usage: java -jar carmarket-smoke.jar");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void credentialsInTheBaseUrlAreNotEchoed() {
        SmokeRun run = SmokeRun.of(List.of("--base-url", "https://user:s3cret@example.com"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("s3cret");
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        SmokeRun run = SmokeRun.of(List.of("--help"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--base-url URL").contains("exit status: 0 every check passed");
    }

    @Test
    void jsonReportOnStdoutMovesTheTextReportToStderr() {
        try (ContractStub stub = new ContractStub()) {
            SmokeRun run = SmokeRun.of(List.of("--base-url", stub.baseUrl(), "--json"));

            JsonNode report = JsonMapper.builder().build().readTree(run.out());
            assertThat(report.path("baseUrl").stringValue()).isEqualTo(stub.baseUrl());
            assertThat(report.path("passed").asInt()).isEqualTo(9);
            assertThat(report.path("failed").asInt()).isZero();
            JsonNode first = report.path("checks").get(0);
            assertThat(first.path("name").stringValue()).isEqualTo(CheckNames.LIVENESS);
            assertThat(first.path("status").stringValue()).isEqualTo("PASS");
            assertThat(first.path("durationMs").isIntegralNumber()).isTrue();
            assertThat(first.path("requestId").stringValue()).startsWith("smoke-");
            assertThat(run.err()).contains("PASS " + CheckNames.LIVENESS).contains("9 passed, 0 failed");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void unwritableJsonReportFailsTheRun() {
        try (ContractStub stub = new ContractStub()) {
            SmokeRun run = SmokeRun.of(List.of("--base-url", stub.baseUrl(), "--json", "/nonexistent-dir/report.json"));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("cannot write the JSON report to /nonexistent-dir/report.json");
        }
    }
}
