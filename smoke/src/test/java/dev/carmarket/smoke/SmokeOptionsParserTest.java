package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeOptionsParserTest {

    @Test
    void defaultsAreReadOnlyFiveSecondsTwoRetriesAndTheHelmetBaseline() throws UsageException {
        SmokeOptions options = parse("--base-url", "https://api.example.com/");

        assertThat(options.baseUrl()).hasToString("https://api.example.com");
        assertThat(options.write()).isFalse();
        assertThat(options.internalToken()).isEmpty();
        assertThat(options.jsonReport()).isEmpty();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.retryPolicy()).isEqualTo(new RetryPolicy(2, Duration.ofMillis(250)));
        assertThat(options.headerPolicy()).isEqualTo(SecurityHeaderPolicy.HELMET);
    }

    @Test
    void pathPrefixIsKeptAndInlineValuesAreAccepted() throws UsageException {
        SmokeOptions options = parse("--base-url=http://10.0.0.5:8080/api//", "--timeout=2.5", "--retries=0",
                "--retry-backoff=1s", "--headers=CORE");

        assertThat(options.baseUrl()).hasToString("http://10.0.0.5:8080/api");
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.retryPolicy()).isEqualTo(new RetryPolicy(0, Duration.ofSeconds(1)));
        assertThat(options.headerPolicy()).isEqualTo(SecurityHeaderPolicy.CORE);
    }

    @Test
    void jsonWithoutAFileMeansStdout() throws UsageException {
        assertThat(parse("--base-url", "https://a.example", "--json").jsonReportToStdout()).isTrue();
        assertThat(parse("--json", "--base-url", "https://a.example").jsonReportToStdout()).isTrue();
        SmokeOptions toFile = parse("--base-url", "https://a.example", "--json", "out/report.json");
        assertThat(toFile.jsonReport()).contains(Path.of("out/report.json"));
        assertThat(toFile.jsonReportToStdout()).isFalse();
    }

    @Test
    void secretsMayComeFromTheEnvironmentAndTheOptionWins() throws UsageException {
        Map<String, String> env = Map.of(SmokeOptionsParser.INTERNAL_TOKEN_ENV, "token-from-env",
                SmokeOptionsParser.WEBHOOK_SECRET_ENV, "secret-from-env");

        SmokeOptions fromEnv = SmokeOptionsParser.parse(List.of("--base-url", "https://a.example", "--write"), env);
        SmokeOptions fromOption = SmokeOptionsParser.parse(
                List.of("--base-url", "https://a.example", "--internal-token", "token-from-option"), env);

        assertThat(fromEnv.internalToken()).contains("token-from-env");
        assertThat(fromEnv.webhookSecret()).contains("secret-from-env");
        assertThat(fromOption.internalToken()).contains("token-from-option");
    }

    @Test
    void secretsNeverAppearInTheOptionsText() throws UsageException {
        SmokeOptions options = parse("--base-url", "https://a.example", "--internal-token", "tok-123456",
                "--write", "--webhook-secret", "sec-654321");

        assertThat(options.toString()).doesNotContain("tok-123456").doesNotContain("sec-654321").contains("***");
    }

    @Test
    void blankSecretIsRejected() {
        assertThatThrownBy(() -> parse("--base-url", "https://a.example", "--internal-token", " "))
                .isInstanceOf(UsageException.class)
                .hasMessage("--internal-token (or SMOKE_INTERNAL_TOKEN) must not be blank");
    }

    private static SmokeOptions parse(String... args) throws UsageException {
        return SmokeOptionsParser.parse(List.of(args), Map.of());
    }
}
