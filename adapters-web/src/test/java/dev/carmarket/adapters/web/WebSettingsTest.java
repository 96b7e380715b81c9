package dev.carmarket.adapters.web;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.ratelimit.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    @Test
    void defaultsToTheContractsToleranceAndNeverPrintsTheSecret() {
        WebSettings settings = WebSettings.of(StrictValidationPolicy.enforceAll(), "s3cr3t-webhook-key",
                Optional.of(RateLimits.DEFAULT));

        assertThat(settings.webhookTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.toString()).doesNotContain("s3cr3t-webhook-key").contains("paymentWebhookSecret=***");
    }

    @Test
    void rejectsAnEmptySecretAndANegativeTolerance() {
        assertThatThrownBy(() -> WebSettings.of(StrictValidationPolicy.enforceAll(), "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebSettings(StrictValidationPolicy.enforceAll(), "secret",
                Duration.ofSeconds(-1), Clock.systemUTC(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
