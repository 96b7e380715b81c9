package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.adapters.web.security.TrustedProxies;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP edge trusts and checks: {@code CORS_ALLOWED_ORIGINS}, {@code TRUST_PROXY}, the secrets
 * {@code INTERNAL_TOKEN} and {@code PAYMENT_WEBHOOK_SECRET}, {@code STRICT_VALIDATION} and
 * {@code RATE_LIMITS}. Production requires the origins, an explicit TRUST_PROXY and strong secrets.
 */
public final class EdgeSettingsReader {

    public static final String CORS_ALLOWED_ORIGINS = "CORS_ALLOWED_ORIGINS";
    public static final String TRUST_PROXY = "TRUST_PROXY";
    public static final String INTERNAL_TOKEN = "INTERNAL_TOKEN";
    public static final String PAYMENT_WEBHOOK_SECRET = "PAYMENT_WEBHOOK_SECRET";
    public static final String STRICT_VALIDATION = "STRICT_VALIDATION";
    public static final String RATE_LIMITS = "RATE_LIMITS";

    /**
     * The webhook key used when none is configured outside production, so the sandbox payment flow
     * works out of the box. It is public (it is in the source), hence refused in production.
     */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "carmarket-development-webhook-secret-not-for-production";
    public static final String DEVELOPMENT_CORS_ORIGIN = "http://localhost:3000";
    public static final int MIN_PRODUCTION_SECRET_LENGTH = 32;

    private EdgeSettingsReader() {
    }

    static EdgeSettings read(EnvironmentReader env, AppEnvironment appEnvironment) {
        boolean production = appEnvironment.isProduction();
        List<String> origins = allowedOrigins(env, production);
        TrustedProxies proxies = trustedProxies(env, production);

        if (production) {
            requireInProduction(env, INTERNAL_TOKEN);
            requireInProduction(env, PAYMENT_WEBHOOK_SECRET);
        }
        Optional<Secret> internalToken = env.parse(INTERNAL_TOKEN,
                production ? EdgeSettingsReader::strongSecret : Secret::new);
        Secret webhookSecret = env.parse(PAYMENT_WEBHOOK_SECRET,
                        production ? EdgeSettingsReader::productionWebhookSecret : Secret::new)
                .orElse(new Secret(DEVELOPMENT_WEBHOOK_SECRET));
        StrictValidationPolicy strictValidation = env.parse(STRICT_VALIDATION, StrictValidationPolicy::parse)
                .orElseGet(StrictValidationPolicy::enforceAll);
        Optional<RateLimits> rateLimits = env.parse(RATE_LIMITS, RateLimits::parse)
                .orElse(Optional.of(RateLimits.DEFAULT));
        return new EdgeSettings(origins, proxies, internalToken, webhookSecret, strictValidation, rateLimits);
    }

    private static List<String> allowedOrigins(EnvironmentReader env, boolean production) {
        if (production && !env.isSet(CORS_ALLOWED_ORIGINS)) {
            env.problem(CORS_ALLOWED_ORIGINS, "is required in production: comma-separated exact origins"
                    + " such as https://shop.example");
        }
        return env.parseList(CORS_ALLOWED_ORIGINS, AllowedOrigins::checkOrigin)
                .orElse(production ? List.of() : List.of(DEVELOPMENT_CORS_ORIGIN));
    }

    private static TrustedProxies trustedProxies(EnvironmentReader env, boolean production) {
        if (production && !env.isSet(TRUST_PROXY)) {
            env.problem(TRUST_PROXY, "must be set explicitly in production: false, or the IPs/CIDRs"
                    + " of the reverse proxies");
        }
        boolean trustNoProxy = env.value(TRUST_PROXY).filter(text -> text.equalsIgnoreCase("false")).isPresent();
        return trustNoProxy ? TrustedProxies.none()
                : env.parseList(TRUST_PROXY, EdgeSettingsReader::proxyAddressOrRange)
                        .map(TrustedProxies::of)
                        .orElseGet(TrustedProxies::none);
    }

    /** Checks one entry on its own, so that every bad entry of the list is reported. */
    private static String proxyAddressOrRange(String entry) {
        TrustedProxies.of(List.of(entry));
        return entry;
    }

    private static void requireInProduction(EnvironmentReader env, String secretVariable) {
        if (!env.isSet(secretVariable)) {
            env.problem(secretVariable, "is required in production (at least " + MIN_PRODUCTION_SECRET_LENGTH
                    + " characters)");
        }
    }

    /** Never quotes the value, not even its length: the message is the same for every short secret. */
    private static Secret strongSecret(String text) {
        if (text.length() < MIN_PRODUCTION_SECRET_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_PRODUCTION_SECRET_LENGTH
                    + " characters long in production");
        }
        return new Secret(text);
    }

    private static Secret productionWebhookSecret(String text) {
        if (text.equals(DEVELOPMENT_WEBHOOK_SECRET)) {
            throw new IllegalArgumentException("is the public development secret; generate a new one for production");
        }
        return strongSecret(text);
    }
}
