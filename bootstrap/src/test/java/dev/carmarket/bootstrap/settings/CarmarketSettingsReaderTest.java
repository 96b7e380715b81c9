package dev.carmarket.bootstrap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carmarket.adapters.web.body.StrictMode;
import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.core.common.ReservationQuota;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarmarketSettingsReaderTest {

    private static final String TOKEN = "internal-token-0123456789abcdef-XYZ";
    private static final String WEBHOOK_SECRET = "webhook-secret-0123456789abcdef-XYZ";
    private static final String DATABASE_URL =
            "postgresql://carmarket:db-pass-Q7@db.internal:5433/carmarket?sslmode=require";

    /** A complete, valid production environment; tests change one thing at a time. */
    private static Map<String, String> production() {
        Map<String, String> environment = new HashMap<>();
        environment.put("APP_ENV", "production");
        environment.put("DATABASE_URL", DATABASE_URL);
        environment.put("CORS_ALLOWED_ORIGINS", "https://shop.example,https://admin.shop.example:8443");
        environment.put("TRUST_PROXY", "127.0.0.1");
        environment.put("INTERNAL_TOKEN", TOKEN);
        environment.put("PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
        return environment;
    }

    private static Map<String, String> production(String variable, String value) {
        Map<String, String> environment = production();
        environment.put(variable, value);
        return environment;
    }

    private static Map<String, String> productionWithout(String variable) {
        Map<String, String> environment = production();
        environment.remove(variable);
        return environment;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            throw new IllegalArgumentException(literal, notALiteral);
        }
    }

    private static List<ConfigurationProblem> problemsOf(Map<String, String> environment) {
        InvalidConfigurationException invalid = catchThrowableOfType(InvalidConfigurationException.class,
                () -> CarmarketSettingsReader.read(environment));
        assertThat(invalid).as("configuration should be rejected").isNotNull();
        return invalid.problems();
    }

    private static List<String> variablesOf(Map<String, String> environment) {
        return problemsOf(environment).stream().map(ConfigurationProblem::variable).collect(Collectors.toList());
    }

    @Nested
    class Development {

        @Test
        void an_empty_environment_gives_the_documented_development_defaults() {
            CarmarketSettings settings = CarmarketSettingsReader.read(Map.of());

            assertThat(settings.environment()).isEqualTo(AppEnvironment.DEVELOPMENT);
            assertThat(settings.server()).isEqualTo(new ServerSettings(8080, Duration.ofSeconds(20)));
            assertThat(settings.database()).isEmpty();
            assertThat(settings.edge().corsAllowedOrigins()).containsExactly("http://localhost:3000");
            assertThat(settings.edge().trustedProxies().isEmpty()).isTrue();
            assertThat(settings.edge().internalToken()).isEmpty();
            assertThat(settings.edge().paymentWebhookSecret().value())
                    .isEqualTo(EdgeSettingsReader.DEVELOPMENT_WEBHOOK_SECRET);
            assertThat(settings.edge().strictValidation()).isEqualTo(StrictValidationPolicy.enforceAll());
            assertThat(settings.orders()).isEqualTo(new OrderSettings(Duration.ofMinutes(30), Duration.ofSeconds(30),
                    Optional.of(new ReservationQuota(2, 5))));
            assertThat(settings.edge().rateLimits()).contains(RateLimits.DEFAULT);
            assertThat(settings.sentry().dsn()).isEmpty();
            assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
        }

        @Test
        void blank_values_mean_unset() {
            CarmarketSettings settings = CarmarketSettingsReader.read(Map.of("PORT", "  ", "DATABASE_URL", ""));

            assertThat(settings.server().port()).isEqualTo(8080);
            assertThat(settings.database()).isEmpty();
        }

        @Test
        void short_secrets_are_accepted_outside_production() {
            CarmarketSettings settings = CarmarketSettingsReader.read(
                    Map.of("APP_ENV", "staging", "INTERNAL_TOKEN", "short", "PAYMENT_WEBHOOK_SECRET", "short-too"));

            assertThat(settings.edge().internalToken()).contains(new Secret("short"));
            assertThat(settings.edge().paymentWebhookSecret()).isEqualTo(new Secret("short-too"));
        }

        @Test
        void a_database_url_outside_production_selects_postgres_with_the_pool_size() {
            CarmarketSettings settings = CarmarketSettingsReader.read(
                    Map.of("APP_ENV", "test", "DATABASE_URL", DATABASE_URL, "DATABASE_POOL_MAX", "4"));

            assertThat(settings.database()).hasValueSatisfying(database -> {
                assertThat(database.connection().host()).isEqualTo("db.internal");
                assertThat(database.connection().port()).isEqualTo(5433);
                assertThat(database.connection().database()).isEqualTo("carmarket");
                assertThat(database.pool().maxSize()).isEqualTo(4);
            });
        }

        @Test
        void wildcard_origins_are_refused_in_every_environment() {
            assertThat(problemsOf(Map.of("CORS_ALLOWED_ORIGINS", "*")))
                    .singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.variable()).isEqualTo("CORS_ALLOWED_ORIGINS");
                        assertThat(problem.problem()).contains("wildcard");
                    });
        }
    }

    @Nested
    class Production {

        @Test
        void a_complete_environment_is_accepted() {
            CarmarketSettings settings = CarmarketSettingsReader.read(production());

            assertThat(settings.environment()).isEqualTo(AppEnvironment.PRODUCTION);
            assertThat(settings.database()).isPresent();
            assertThat(settings.edge().corsAllowedOrigins())
                    .containsExactly("https://shop.example", "https://admin.shop.example:8443");
            assertThat(settings.edge().trustedProxies().contains(address("127.0.0.1"))).isTrue();
            assertThat(settings.edge().trustedProxies().contains(address("127.0.0.2"))).isFalse();
            assertThat(settings.edge().internalToken()).contains(new Secret(TOKEN));
            assertThat(settings.edge().paymentWebhookSecret()).isEqualTo(new Secret(WEBHOOK_SECRET));
            assertThat(settings.logFormat()).isEqualTo(LogFormat.JSON);
        }

        @Test
        void an_empty_environment_names_every_required_variable_at_once() {
            assertThat(variablesOf(Map.of("APP_ENV", "production"))).containsExactlyInAnyOrder(
                    "DATABASE_URL", "CORS_ALLOWED_ORIGINS", "TRUST_PROXY", "INTERNAL_TOKEN", "PAYMENT_WEBHOOK_SECRET");
        }

        @Test
        void the_database_is_required_so_production_never_runs_in_memory() {
            assertThat(problemsOf(productionWithout("DATABASE_URL"))).singleElement().satisfies(problem -> {
                assertThat(problem.variable()).isEqualTo("DATABASE_URL");
                assertThat(problem.problem()).contains("required in production");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"mysql://u:p@h/db", "postgresql://h/db", "postgresql://u:p@h/", "not a url",
                "postgresql://u:p@h:99999/db", "postgresql://u:p@h/db?sslmode=sometimes"})
        void a_malformed_database_url_is_refused(String url) {
            assertThat(variablesOf(production("DATABASE_URL", url))).containsExactly("DATABASE_URL");
        }

        @Test
        void cors_origins_are_required() {
            assertThat(variablesOf(productionWithout("CORS_ALLOWED_ORIGINS"))).containsExactly("CORS_ALLOWED_ORIGINS");
            assertThat(variablesOf(production("CORS_ALLOWED_ORIGINS", " , "))).containsOnly("CORS_ALLOWED_ORIGINS");
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "https://*.shop.example", "https://shop.example/", "https://shop.example/app",
                "https://shop.example?x=1", "shop.example", "ftp://shop.example", "https://user@shop.example",
                "https://shop.example,", "https://shop.example,,https://b.example", "https://shop.example:70000"})
        void anything_but_exact_origins_is_refused(String origins) {
            assertThat(variablesOf(production("CORS_ALLOWED_ORIGINS", origins))).containsOnly("CORS_ALLOWED_ORIGINS");
        }

        @Test
        void every_bad_origin_is_reported_on_its_own_line() {
            assertThat(problemsOf(production("CORS_ALLOWED_ORIGINS", "*, https://ok.example, https://x.example/path")))
                    .extracting(ConfigurationProblem::problem)
                    .hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).contains("\"*\""))
                    .anySatisfy(problem -> assertThat(problem).contains("https://x.example/path"));
        }

        @Test
        void origins_are_kept_as_browsers_send_them() {
            CarmarketSettings settings = CarmarketSettingsReader.read(
                    production("CORS_ALLOWED_ORIGINS", " HTTPS://Shop.Example , http://localhost:3000"));

            assertThat(settings.edge().corsAllowedOrigins())
                    .containsExactly("https://shop.example", "http://localhost:3000");
        }

        @Test
        void trust_proxy_must_be_set_explicitly() {
            assertThat(variablesOf(productionWithout("TRUST_PROXY"))).containsExactly("TRUST_PROXY");
            assertThat(CarmarketSettingsReader.read(production("TRUST_PROXY", "FALSE")).edge().trustedProxies()
                    .isEmpty()).isTrue();
        }

        @Test
        void trust_proxy_accepts_ipv4_and_ipv6_addresses_and_ranges() {
            CarmarketSettings settings = CarmarketSettingsReader.read(production("TRUST_PROXY",
                    "127.0.0.1, 10.0.0.0/8,192.168.1.0/24, ::1, 2001:db8::/32, fd00::1/128, ::ffff:10.0.0.1"));

            for (String trusted : List.of("127.0.0.1", "10.200.3.4", "192.168.1.77", "::1", "2001:db8:ffff::1",
                    "fd00::1")) {
                assertThat(settings.edge().trustedProxies().contains(address(trusted))).as(trusted).isTrue();
            }
            for (String untrusted : List.of("127.0.0.2", "11.0.0.1", "192.168.2.1", "2001:db9::1", "fd00::2")) {
                assertThat(settings.edge().trustedProxies().contains(address(untrusted))).as(untrusted).isFalse();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "256.1.1.1", "10.0.0.0/33", "10.0.0/8", "1.2.3", "::1/129", "2001:db8::g",
                "localhost", "10.0.0.1/", "10.0.0.1/-1", "127.0.0.1,", "1:2:3:4:5:6:7:8:9"})
        void trust_proxy_refuses_anything_but_addresses_and_ranges(String value) {
            assertThat(variablesOf(production("TRUST_PROXY", value))).containsOnly("TRUST_PROXY");
        }

        @Test
        void secrets_must_have_at_least_32_characters() {
            String thirtyOne = "a".repeat(31);

            assertThat(variablesOf(production("INTERNAL_TOKEN", thirtyOne))).containsExactly("INTERNAL_TOKEN");
            assertThat(variablesOf(production("PAYMENT_WEBHOOK_SECRET", thirtyOne)))
                    .containsExactly("PAYMENT_WEBHOOK_SECRET");
            assertThat(CarmarketSettingsReader.read(production("INTERNAL_TOKEN", "a".repeat(32)))
                    .edge().internalToken()).contains(new Secret("a".repeat(32)));
        }

        @Test
        void the_public_development_webhook_secret_is_refused() {
            String developmentSecret = EdgeSettingsReader.DEVELOPMENT_WEBHOOK_SECRET;
            assertThat(problemsOf(production("PAYMENT_WEBHOOK_SECRET", developmentSecret)))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.problem()).contains("development secret"));
        }

        @Test
        void log_format_defaults_to_json_and_text_may_be_chosen() {
            assertThat(CarmarketSettingsReader.read(production("LOG_FORMAT", "text")).logFormat())
                    .isEqualTo(LogFormat.TEXT);
        }

        @Test
        void an_unknown_app_env_is_checked_with_the_production_rules() {
            assertThat(variablesOf(Map.of("APP_ENV", "prod"))).containsExactlyInAnyOrder("APP_ENV",
                    "DATABASE_URL", "CORS_ALLOWED_ORIGINS", "TRUST_PROXY", "INTERNAL_TOKEN", "PAYMENT_WEBHOOK_SECRET");
        }
    }

    @Nested
    class InvalidValuesInEveryEnvironment {

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "-1", "http", "80.5"})
        void port_must_be_between_1_and_65535(String port) {
            assertThat(variablesOf(Map.of("PORT", port))).containsExactly("PORT");
        }

        @Test
        void port_takes_the_full_range() {
            assertThat(CarmarketSettingsReader.read(Map.of("PORT", "1")).server().port()).isEqualTo(1);
            assertThat(CarmarketSettingsReader.read(Map.of("PORT", "65535")).server().port()).isEqualTo(65535);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "101", "ten"})
        void the_pool_size_must_be_between_1_and_100(String size) {
            assertThat(variablesOf(Map.of("DATABASE_POOL_MAX", size))).containsExactly("DATABASE_POOL_MAX");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SHUTDOWN_GRACE_PERIOD", "ORDER_TTL", "ORDER_EXPIRY_INTERVAL"})
        void durations_must_be_positive_and_well_formed(String variable) {
            for (String bad : List.of("20", "0s", "-5s", "PT0S", "PT-1S", "twenty seconds", "20 s", "1d")) {
                assertThat(variablesOf(Map.of(variable, bad))).as(bad).containsExactly(variable);
            }
        }

        @Test
        void durations_accept_units_and_iso_8601() {
            CarmarketSettings settings = CarmarketSettingsReader.read(Map.of(
                    "SHUTDOWN_GRACE_PERIOD", "PT20S", "ORDER_TTL", "1h", "ORDER_EXPIRY_INTERVAL", "500ms"));

            assertThat(settings.server().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(20));
            assertThat(settings.orders().ttl()).isEqualTo(Duration.ofHours(1));
            assertThat(settings.orders().expiryInterval()).isEqualTo(Duration.ofMillis(500));
        }

        @Test
        void app_env_and_log_format_must_be_known_values() {
            assertThat(variablesOf(Map.of("APP_ENV", "qa"))).contains("APP_ENV");
            assertThat(variablesOf(Map.of("LOG_FORMAT", "xml"))).containsExactly("LOG_FORMAT");
        }

        @Test
        void strict_validation_is_parsed_and_a_malformed_value_refused() {
            CarmarketSettings settings = CarmarketSettingsReader.read(
                    Map.of("STRICT_VALIDATION", "POST /orders=enforce,POST /payments=report"));

            assertThat(settings.edge().strictValidation().modeFor(StrictValidationPolicy.START_PAYMENT))
                    .isEqualTo(StrictMode.REPORT);
            assertThat(problemsOf(Map.of("STRICT_VALIDATION", "POST /orders=sometimes"))).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.variable()).isEqualTo("STRICT_VALIDATION");
                        assertThat(problem.problem()).doesNotStartWith("STRICT_VALIDATION").contains("sometimes");
                    });
        }

        @Test
        void order_quota_is_parsed_per_part_or_switched_off() {
            assertThat(CarmarketSettingsReader.read(Map.of("ORDER_QUOTA", "customer=3,client=8")).orders().quota())
                    .contains(new ReservationQuota(3, 8));
            assertThat(CarmarketSettingsReader.read(Map.of("ORDER_QUOTA", "client=9")).orders().quota())
                    .contains(new ReservationQuota(2, 9));
            assertThat(CarmarketSettingsReader.read(Map.of("ORDER_QUOTA", "off")).orders().quota()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"customer=0", "client=1001", "customer=2,customer=3", "buyer=2", "customer=two",
                "customer=2;client=5", "on"})
        void a_malformed_order_quota_is_refused(String value) {
            assertThat(variablesOf(Map.of("ORDER_QUOTA", value))).containsExactly("ORDER_QUOTA");
            assertThat(variablesOf(production("ORDER_QUOTA", value))).containsExactly("ORDER_QUOTA");
        }

        @Test
        void rate_limits_are_parsed_per_class_or_switched_off() {
            RateLimits limits = CarmarketSettingsReader.read(Map.of("RATE_LIMITS", "reads=20/s:100,webhook=5/m:10"))
                    .edge().rateLimits().orElseThrow();

            assertThat(limits.toString()).isEqualTo("reads=20/s:100,writes=2/s:20,webhook=5/m:10");
            assertThat(CarmarketSettingsReader.read(Map.of("RATE_LIMITS", "OFF")).edge().rateLimits()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"reads=20/s", "reads=0/s:10", "reads=20/d:100", "searches=20/s:100",
                "reads=20/s:100,reads=30/s:100", "reads=20/s:100,", "unlimited"})
        void malformed_rate_limits_are_refused(String value) {
            assertThat(variablesOf(Map.of("RATE_LIMITS", value))).containsExactly("RATE_LIMITS");
            assertThat(variablesOf(production("RATE_LIMITS", value))).containsExactly("RATE_LIMITS");
        }

        @Test
        void read_replicas_are_parsed_with_the_default_lag_bound_or_a_given_one() {
            CarmarketSettings settings = CarmarketSettingsReader.read(production("DATABASE_READ_URL",
                    "postgresql://reader:r-pass@replica-1.internal/carmarket, postgresql://reader@replica-2.internal:6432/carmarket"));
            assertThat(settings.database().orElseThrow().replicas().replicas())
                    .extracting(replica -> replica.host() + ":" + replica.port())
                    .containsExactly("replica-1.internal:5432", "replica-2.internal:6432");
            assertThat(settings.database().orElseThrow().replicas().maxLag()).isEqualTo(Duration.ofSeconds(5));

            Map<String, String> environment = production("DATABASE_READ_URL", "postgresql://reader@replica-1.internal/carmarket");
            environment.put("DATABASE_READ_MAX_LAG", "2s");
            assertThat(CarmarketSettingsReader.read(environment).database().orElseThrow().replicas().maxLag())
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(CarmarketSettingsReader.read(production()).database().orElseThrow().replicas().replicas())
                    .isEmpty();
            // Database names are case-sensitive in PostgreSQL: these are two databases, not one replica twice.
            assertThat(CarmarketSettingsReader.read(production("DATABASE_READ_URL",
                    "postgresql://reader@replica/Carmarket,postgresql://reader@replica/carmarket"))
                    .database().orElseThrow().replicas().replicas()).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"mysql://reader@replica/carmarket", "postgresql://replica-1.internal/carmarket",
                "postgresql://reader@replica/carmarket?pool=5", "postgresql://reader@replica/carmarket,",
                "postgresql://reader@replica/carmarket,postgresql://reader@REPLICA/carmarket",
                "postgresql://someone@db.internal:5433/carmarket"})
        void a_bad_read_url_is_refused_naming_the_read_variable(String value) {
            assertThat(problemsOf(production("DATABASE_READ_URL", value))).singleElement().satisfies(problem -> {
                assertThat(problem.variable()).isEqualTo("DATABASE_READ_URL");
                assertThat(problem.problem()).doesNotStartWith("DATABASE_URL");
            });
        }

        @Test
        void read_replicas_need_a_primary_and_a_positive_lag_bound() {
            assertThat(variablesOf(Map.of("DATABASE_READ_URL", "postgresql://reader@replica/carmarket")))
                    .containsExactly("DATABASE_READ_URL");
            assertThat(variablesOf(production("DATABASE_READ_MAX_LAG", "0s"))).containsExactly("DATABASE_READ_MAX_LAG");
        }

        @Test
        void a_sentry_dsn_must_look_like_one() {
            assertThat(variablesOf(Map.of("SENTRY_DSN", "not-a-dsn"))).containsExactly("SENTRY_DSN");
            assertThat(CarmarketSettingsReader.read(Map.of("SENTRY_DSN", "https://key@o1.ingest.example/42",
                    "SENTRY_RELEASE", "1.2.3")).sentry().release()).contains("1.2.3");
        }

        @Test
        void every_problem_is_reported_in_one_pass() {
            assertThat(variablesOf(Map.of("PORT", "0", "LOG_FORMAT", "xml", "ORDER_TTL", "soon",
                    "DATABASE_POOL_MAX", "1000", "TRUST_PROXY", "true")))
                    .containsExactlyInAnyOrder("PORT", "LOG_FORMAT", "ORDER_TTL", "DATABASE_POOL_MAX", "TRUST_PROXY");
        }

        @Test
        void problems_are_listed_section_by_section_in_a_fixed_order() {
            Map<String, String> environment = new HashMap<>(Map.of("APP_ENV", "qa", "PORT", "0",
                    "SHUTDOWN_GRACE_PERIOD", "0s", "DATABASE_POOL_MAX", "0", "DATABASE_READ_MAX_LAG", "0s",
                    "DATABASE_READ_URL", "postgresql://reader@replica/carmarket", "TRUST_PROXY", "true",
                    "INTERNAL_TOKEN", "short", "STRICT_VALIDATION", "POST /orders=sometimes"));
            environment.putAll(Map.of("RATE_LIMITS", "unlimited", "ORDER_TTL", "soon", "ORDER_EXPIRY_INTERVAL", "0s",
                    "ORDER_QUOTA", "on", "SENTRY_DSN", "not-a-dsn", "LOG_FORMAT", "xml"));

            // The missing secrets are named before the malformed ones.
            assertThat(variablesOf(environment)).containsExactly("APP_ENV", "PORT", "SHUTDOWN_GRACE_PERIOD",
                    "DATABASE_URL", "DATABASE_POOL_MAX", "DATABASE_READ_MAX_LAG", "DATABASE_READ_URL",
                    "CORS_ALLOWED_ORIGINS", "TRUST_PROXY", "PAYMENT_WEBHOOK_SECRET", "INTERNAL_TOKEN",
                    "STRICT_VALIDATION", "RATE_LIMITS", "ORDER_TTL", "ORDER_EXPIRY_INTERVAL", "ORDER_QUOTA",
                    "SENTRY_DSN", "LOG_FORMAT");
        }
    }

    @Nested
    class Secrets {

        private static final String PASSWORD = "Pa55-w0rd-that-must-stay-hidden";
        private static final String SHORT_TOKEN = "tok-visible?";

        @Test
        void no_problem_quotes_a_secret_value_or_part_of_it() {
            Map<String, String> environment = production();
            environment.put("DATABASE_URL", "postgresql://carmarket:" + PASSWORD + "@db:notaport/carmarket");
            environment.put("INTERNAL_TOKEN", SHORT_TOKEN);
            environment.put("PAYMENT_WEBHOOK_SECRET", "whsec-short");
            environment.put("SENTRY_DSN", "https://" + PASSWORD + "@/42 bad");

            InvalidConfigurationException invalid = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> CarmarketSettingsReader.read(environment));

            assertThat(invalid.problems()).extracting(ConfigurationProblem::variable).containsExactlyInAnyOrder(
                    "DATABASE_URL", "INTERNAL_TOKEN", "PAYMENT_WEBHOOK_SECRET", "SENTRY_DSN");
            String everything = invalid.getMessage() + invalid.problems();
            for (String secret : List.of(PASSWORD, SHORT_TOKEN, "whsec-short")) {
                assertThat(everything).doesNotContain(secret).doesNotContain(secret.substring(0, 4));
            }
        }

        @Test
        void the_settings_print_without_their_secrets() {
            String printed = CarmarketSettingsReader.read(production()).toString();

            assertThat(printed).doesNotContain(TOKEN).doesNotContain(WEBHOOK_SECRET).doesNotContain("db-pass-Q7");
        }

        @Test
        void a_settings_record_cannot_be_built_for_production_without_a_database() {
            CarmarketSettings development = CarmarketSettingsReader.read(Map.of());

            assertThatThrownBy(() -> new CarmarketSettings(AppEnvironment.PRODUCTION, development.server(),
                    development.database(), development.edge(), development.orders(), development.sentry(),
                    development.logFormat())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
