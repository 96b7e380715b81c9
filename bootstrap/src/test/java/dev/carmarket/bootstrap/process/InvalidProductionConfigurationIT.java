package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acceptance: a production start with a bad environment exits non-zero before opening the port. */
class InvalidProductionConfigurationIT {

    private static final String SECRET_VALUE = "webhook-secret-value-that-is-long-enough-0123";
    private static final String SHORT_TOKEN = "short-internal-token";

    @Test
    void a_bad_production_environment_names_every_offender_hides_secrets_and_never_listens() {
        int port = CarmarketProcess.freePort();
        Map<String, String> environment = Map.of(
                "APP_ENV", "production",
                "PORT", Integer.toString(port),
                "CORS_ALLOWED_ORIGINS", "*",
                "INTERNAL_TOKEN", SHORT_TOKEN,
                "PAYMENT_WEBHOOK_SECRET", SECRET_VALUE,
                "RATE_LIMITS", "reads=lots",
                "ORDER_QUOTA", "customer=0");

        try (CarmarketProcess process = CarmarketProcess.start(environment)) {
            int exitStatus = process.awaitExitWithoutListening(port, Duration.ofSeconds(30));

            assertThat(exitStatus).isEqualTo(78);
            String stderr = process.stderr();
            assertThat(stderr).contains("carmarket: configuration error: DATABASE_URL: ")
                    .contains("carmarket: configuration error: CORS_ALLOWED_ORIGINS: ")
                    .contains("carmarket: configuration error: TRUST_PROXY: ")
                    .contains("carmarket: configuration error: INTERNAL_TOKEN: ")
                    .contains("carmarket: configuration error: RATE_LIMITS: ")
                    .contains("carmarket: configuration error: ORDER_QUOTA: ")
                    .doesNotContain("PAYMENT_WEBHOOK_SECRET");
            assertThat(stderr + process.stdout()).doesNotContain(SECRET_VALUE).doesNotContain(SHORT_TOKEN)
                    .doesNotContain(SHORT_TOKEN.substring(0, 5));
        }
    }

    @Test
    void an_unknown_argument_exits_non_zero_with_a_clear_message() {
        int port = CarmarketProcess.freePort();

        try (CarmarketProcess process = CarmarketProcess.start(Map.of("PORT", Integer.toString(port)), "--serve")) {
            assertThat(process.awaitExitWithoutListening(port, Duration.ofSeconds(30))).isNotZero();
            assertThat(process.stderr()).contains("carmarket: unknown argument '--serve'");
        }
    }
}
