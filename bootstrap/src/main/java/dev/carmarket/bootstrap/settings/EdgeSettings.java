package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.security.TrustedProxies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP edge trusts and checks.
 *
 * @param corsAllowedOrigins exact origins, lowercase, as browsers send them
 * @param trustedProxies     the proxies whose {@code X-Forwarded-*} headers are believed;
 *                           none for {@code TRUST_PROXY=false}
 * @param internalToken      bearer token of the internal endpoints; absent outside production means loopback only
 * @param rateLimits         per-client rate limits per route class; empty for {@code RATE_LIMITS=off}
 */
public record EdgeSettings(
        List<String> corsAllowedOrigins,
        TrustedProxies trustedProxies,
        Optional<Secret> internalToken,
        Secret paymentWebhookSecret,
        StrictValidationPolicy strictValidation,
        Optional<RateLimits> rateLimits) {

    public EdgeSettings {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(internalToken, "internalToken");
        Objects.requireNonNull(paymentWebhookSecret, "paymentWebhookSecret");
        Objects.requireNonNull(strictValidation, "strictValidation");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
