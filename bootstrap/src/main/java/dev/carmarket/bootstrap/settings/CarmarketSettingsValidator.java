package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.replica.ReplicaSettings;
import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.security.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the process environment into {@link CarmarketSettings}, checking every variable of the
 * production contract in one pass. Invalid values are errors in every environment; production
 * additionally requires the database, exact CORS origins, an explicit TRUST_PROXY and strong secrets.
 */
public final class CarmarketSettingsValidator {

    public static final String APP_ENV = "APP_ENV";
    public static final String PORT = "PORT";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_POOL_MAX = "DATABASE_POOL_MAX";
    public static final String DATABASE_READ_URL = "DATABASE_READ_URL";
    public static final String DATABASE_READ_MAX_LAG = "DATABASE_READ_MAX_LAG";
    public static final String CORS_ALLOWED_ORIGINS = "CORS_ALLOWED_ORIGINS";
    public static final String TRUST_PROXY = "TRUST_PROXY";
    public static final String INTERNAL_TOKEN = "INTERNAL_TOKEN";
    public static final String PAYMENT_WEBHOOK_SECRET = "PAYMENT_WEBHOOK_SECRET";
    public static final String SENTRY_DSN = "SENTRY_DSN";
    public static final String SENTRY_ENVIRONMENT = "SENTRY_ENVIRONMENT";
    public static final String SENTRY_RELEASE = "SENTRY_RELEASE";
    public static final String STRICT_VALIDATION = "STRICT_VALIDATION";
    public static final String LOG_FORMAT = "LOG_FORMAT";
    public static final String SHUTDOWN_GRACE_PERIOD = "SHUTDOWN_GRACE_PERIOD";
    public static final String ORDER_TTL = "ORDER_TTL";
    public static final String ORDER_EXPIRY_INTERVAL = "ORDER_EXPIRY_INTERVAL";
    public static final String ORDER_QUOTA = "ORDER_QUOTA";
    public static final String RATE_LIMITS = "RATE_LIMITS";

    /**
     * The webhook key used when none is configured outside production, so the sandbox payment flow
     * works out of the box. It is public (it is in the source), hence refused in production.
     */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "carmarket-development-webhook-secret-not-for-production";
    public static final String DEVELOPMENT_CORS_ORIGIN = "http://localhost:3000";
    public static final int DEFAULT_PORT = 8080;
    public static final int MAX_POOL_SIZE = 100;
    public static final int MIN_PRODUCTION_SECRET_LENGTH = 32;
    public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);
    public static final Duration DEFAULT_ORDER_TTL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ORDER_EXPIRY_INTERVAL = Duration.ofSeconds(30);

    private CarmarketSettingsValidator() {
    }

    /** @throws InvalidConfigurationException naming every offending variable, never a secret's value */
    public static CarmarketSettings validate(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        // An unrecognised APP_ENV is checked with the strictest rules, so that fixing it
        // does not reveal a second batch of problems.
        AppEnvironment appEnvironment = env.parse(APP_ENV, CarmarketSettingsValidator::appEnvironment)
                .orElse(env.isSet(APP_ENV) ? AppEnvironment.PRODUCTION : AppEnvironment.DEVELOPMENT);
        boolean production = appEnvironment.isProduction();

        ServerSettings server = new ServerSettings(
                env.parse(PORT, text -> integerBetween(text, 1, 65_535)).orElse(DEFAULT_PORT),
                env.parse(SHUTDOWN_GRACE_PERIOD, DurationText::parsePositive).orElse(DEFAULT_SHUTDOWN_GRACE_PERIOD));
        Optional<DatabaseSettings> database = database(env, production);
        EdgeSettings edge = edge(env, production);
        OrderSettings orders = new OrderSettings(
                env.parse(ORDER_TTL, DurationText::parsePositive).orElse(DEFAULT_ORDER_TTL),
                env.parse(ORDER_EXPIRY_INTERVAL, DurationText::parsePositive).orElse(DEFAULT_ORDER_EXPIRY_INTERVAL),
                env.parse(ORDER_QUOTA, ReservationQuotaText::parse).orElse(Optional.of(ReservationQuota.DEFAULT)));
        SentrySettings sentry = new SentrySettings(
                env.parse(SENTRY_DSN, CarmarketSettingsValidator::sentryDsn),
                env.value(SENTRY_ENVIRONMENT),
                env.value(SENTRY_RELEASE));
        LogFormat logFormat = env.parse(LOG_FORMAT, CarmarketSettingsValidator::logFormat)
                .orElse(production ? LogFormat.JSON : LogFormat.TEXT);

        env.throwIfAnyProblem();
        return new CarmarketSettings(appEnvironment, server, database, edge, orders, sentry, logFormat);
    }

    private static Optional<DatabaseSettings> database(EnvironmentReader env, boolean production) {
        if (production && !env.isSet(DATABASE_URL)) {
            env.problem(DATABASE_URL, "is required in production (postgresql://user:password@host:5432/database);"
                    + " the in-memory store is for development only");
        }
        Optional<PostgresConnectionSettings> connection = env.parse(DATABASE_URL,
                PostgresConnectionSettings::fromDatabaseUrl);
        int poolMax = env.parse(DATABASE_POOL_MAX, text -> integerBetween(text, 1, MAX_POOL_SIZE))
                .orElse(PoolSettings.DEFAULT_MAX_SIZE);
        ReplicaSettings replicas = readReplicas(env, connection);
        return connection.map(settings -> new DatabaseSettings(settings, PoolSettings.withMaxSize(poolMax), replicas));
    }

    /** {@code DATABASE_READ_URL}: streaming replicas of the primary, each a distinct server other than it. */
    private static ReplicaSettings readReplicas(EnvironmentReader env, Optional<PostgresConnectionSettings> primary) {
        Duration maxLag = env.parse(DATABASE_READ_MAX_LAG, DurationText::parsePositive)
                .orElse(ReplicaSettings.DEFAULT_MAX_LAG);
        List<PostgresConnectionSettings> replicas = env.parseList(DATABASE_READ_URL,
                url -> PostgresConnectionSettings.fromUrl(DATABASE_READ_URL, url)).orElse(List.of());
        if (replicas.isEmpty()) {
            return ReplicaSettings.NONE;
        }
        if (!env.isSet(DATABASE_URL)) {
            env.problem(DATABASE_READ_URL, "needs DATABASE_URL: replicas only serve reads, the primary takes the writes");
        }
        primary.filter(writes -> replicas.stream().anyMatch(replica -> sameServer(replica, writes)))
                .ifPresent(writes -> env.problem(DATABASE_READ_URL, "names the DATABASE_URL server; list only its"
                        + " streaming replicas (reads from the primary need no DATABASE_READ_URL)"));
        if (replicas.stream().map(CarmarketSettingsValidator::caseFolded).distinct().count() < replicas.size()) {
            env.problem(DATABASE_READ_URL, "names the same replica twice");
        }
        return ReplicaSettings.of(replicas, maxLag);
    }

    private static boolean sameServer(PostgresConnectionSettings one, PostgresConnectionSettings other) {
        return caseFolded(one).equals(caseFolded(other));
    }

    /** Host names are case-insensitive. */
    private static String caseFolded(PostgresConnectionSettings connection) {
        return connection.server().toLowerCase(Locale.ROOT);
    }

    private static EdgeSettings edge(EnvironmentReader env, boolean production) {
        if (production && !env.isSet(CORS_ALLOWED_ORIGINS)) {
            env.problem(CORS_ALLOWED_ORIGINS, "is required in production: comma-separated exact origins"
                    + " such as https://shop.example");
        }
        List<String> origins = env.parseList(CORS_ALLOWED_ORIGINS, AllowedOrigins::checkOrigin)
                .orElse(production ? List.of() : List.of(DEVELOPMENT_CORS_ORIGIN));

        if (production && !env.isSet(TRUST_PROXY)) {
            env.problem(TRUST_PROXY, "must be set explicitly in production: false, or the IPs/CIDRs"
                    + " of the reverse proxies");
        }
        boolean trustNoProxy = env.value(TRUST_PROXY).filter(text -> text.equalsIgnoreCase("false")).isPresent();
        TrustedProxies proxies = trustNoProxy ? TrustedProxies.none()
                : env.parseList(TRUST_PROXY, CarmarketSettingsValidator::proxyAddressOrRange)
                        .map(TrustedProxies::of)
                        .orElseGet(TrustedProxies::none);

        if (production) {
            requireInProduction(env, INTERNAL_TOKEN);
            requireInProduction(env, PAYMENT_WEBHOOK_SECRET);
        }
        Optional<Secret> internalToken = env.parse(INTERNAL_TOKEN,
                production ? CarmarketSettingsValidator::strongSecret : Secret::new);
        Secret webhookSecret = env.parse(PAYMENT_WEBHOOK_SECRET,
                        production ? CarmarketSettingsValidator::productionWebhookSecret : Secret::new)
                .orElse(new Secret(DEVELOPMENT_WEBHOOK_SECRET));
        StrictValidationPolicy strictValidation = env.parse(STRICT_VALIDATION, StrictValidationPolicy::parse)
                .orElseGet(StrictValidationPolicy::enforceAll);
        Optional<RateLimits> rateLimits = env.parse(RATE_LIMITS, RateLimits::parse)
                .orElse(Optional.of(RateLimits.DEFAULT));
        return new EdgeSettings(origins, proxies, internalToken, webhookSecret, strictValidation, rateLimits);
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

    private static AppEnvironment appEnvironment(String text) {
        return AppEnvironment.fromName(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "must be development, test, staging or production (got \"" + text + "\")"));
    }

    private static LogFormat logFormat(String text) {
        return LogFormat.fromName(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "must be json or text (got \"" + text + "\")"));
    }

    private static int integerBetween(String text, int min, int max) {
        String problem = "must be an integer between " + min + " and " + max + " (got \"" + text + "\")";
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        } catch (NumberFormatException notAnInteger) {
            throw new IllegalArgumentException(problem);
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

    private static Secret sentryDsn(String text) {
        String problem = "must be a Sentry DSN such as https://<public key>@<host>/<project id>";
        try {
            URI dsn = new URI(text);
            boolean http = "https".equalsIgnoreCase(dsn.getScheme()) || "http".equalsIgnoreCase(dsn.getScheme());
            if (!http || dsn.getHost() == null || dsn.getRawUserInfo() == null) {
                throw new IllegalArgumentException(problem);
            }
            return new Secret(text);
        } catch (URISyntaxException malformed) {
            // The exception quotes the input: never pass it on.
            throw new IllegalArgumentException(problem);
        }
    }
}
