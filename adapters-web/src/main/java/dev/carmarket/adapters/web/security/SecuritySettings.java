package dev.carmarket.adapters.web.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the web adapter's security controls need from configuration; bootstrap builds it from
 * {@code CORS_ALLOWED_ORIGINS}, {@code TRUST_PROXY}, {@code INTERNAL_TOKEN} and {@code APP_ENV}.
 *
 * @param allowedOrigins       exact origins ({@code scheme://host[:port]}) allowed cross-origin; empty allows none
 * @param trustedProxies       proxies whose forwarding headers are believed
 * @param internalToken        bearer token of the internal endpoints; absent means no token opens them
 * @param loopbackWithoutToken whether loopback clients reach the internal endpoints without a token
 *                             (never in production)
 */
public record SecuritySettings(
        Set<String> allowedOrigins,
        TrustedProxies trustedProxies,
        Optional<String> internalToken,
        boolean loopbackWithoutToken) {

    public SecuritySettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(internalToken, "internalToken");
        // Defence in depth: bootstrap validates the origins; a wildcard must not pass here either.
        allowedOrigins.stream().filter(origin -> origin.contains("*") || origin.equals("null")).findAny()
                .ifPresent(origin -> {
                    throw new IllegalArgumentException("not an exact origin: " + origin);
                });
        if (internalToken.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("internalToken must not be empty");
        }
    }

    @Override
    public String toString() {
        // The token never reaches a log line.
        return "SecuritySettings[allowedOrigins=" + allowedOrigins + ", trustedProxies=" + trustedProxies
                + ", internalToken=" + internalToken.map(token -> "***").orElse("none")
                + ", loopbackWithoutToken=" + loopbackWithoutToken + "]";
    }
}
