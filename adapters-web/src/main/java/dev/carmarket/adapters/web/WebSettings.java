package dev.carmarket.adapters.web;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.ratelimit.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web adapter needs from configuration; bootstrap builds it from the environment.
 *
 * @param strictValidation  per-route handling of unknown body properties ({@code STRICT_VALIDATION})
 * @param paymentWebhookSecret HMAC-SHA256 key of the provider's webhook signatures ({@code PAYMENT_WEBHOOK_SECRET})
 * @param webhookTolerance  how far a signature's timestamp may be from now (the contract says 300 s)
 * @param clock             the clock the signature timestamp is checked against
 * @param rateLimits        per-client rate limits of each route class ({@code RATE_LIMITS}); empty for off
 */
public record WebSettings(
        StrictValidationPolicy strictValidation,
        String paymentWebhookSecret,
        Duration webhookTolerance,
        Clock clock,
        Optional<RateLimits> rateLimits) {

    /** The contract's bound on {@code |now - t|} of a webhook signature. */
    public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofSeconds(300);

    public WebSettings {
        Objects.requireNonNull(strictValidation, "strictValidation");
        Objects.requireNonNull(paymentWebhookSecret, "paymentWebhookSecret");
        Objects.requireNonNull(webhookTolerance, "webhookTolerance");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (paymentWebhookSecret.isEmpty()) {
            throw new IllegalArgumentException("paymentWebhookSecret must not be empty");
        }
        if (webhookTolerance.isNegative()) {
            throw new IllegalArgumentException("webhookTolerance must not be negative");
        }
    }

    /** Settings with the contract's 300 s tolerance and the system UTC clock. */
    public static WebSettings of(StrictValidationPolicy strictValidation, String paymentWebhookSecret,
            Optional<RateLimits> rateLimits) {
        return new WebSettings(strictValidation, paymentWebhookSecret, DEFAULT_WEBHOOK_TOLERANCE, Clock.systemUTC(),
                rateLimits);
    }

    @Override
    public String toString() {
        // The secret never reaches a log line.
        return "WebSettings[strictValidation=" + strictValidation + ", paymentWebhookSecret=***, webhookTolerance="
                + webhookTolerance + ", clock=" + clock + ", rateLimits=" + rateLimits.map(String::valueOf).orElse("off")
                + "]";
    }
}
