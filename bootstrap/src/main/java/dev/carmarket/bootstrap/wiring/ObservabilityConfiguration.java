package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.observation.RouteTemplateObservationConvention;
import dev.carmarket.adapters.observability.metrics.RateLimitMetrics;
import dev.carmarket.adapters.observability.metrics.StrictValidationMetrics;
import dev.carmarket.adapters.observability.sentry.SentryConfigurator;
import dev.carmarket.adapters.observability.sentry.SentryErrorReporter;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import dev.carmarket.adapters.web.health.ServiceRelease;
import dev.carmarket.adapters.web.http.UnhandledFailureListener;
import dev.carmarket.adapters.web.ratelimit.RateLimitListener;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.Secret;
import dev.carmarket.bootstrap.settings.SentrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * Metrics and error monitoring that are not store or use-case decorators (those are applied where
 * the store and the use cases are built, {@link StoreConfiguration} and {@link CoreConfiguration}):
 * the strict-validation and rate-limit counters and Sentry. {@code GET /metrics} itself is the actuator's Prometheus
 * endpoint (application.yml), guarded by the web adapter's InternalEndpointGuard.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Replaces Spring Boot's default convention: unmatched requests share one {@code uri} value. */
    @Bean
    ServerRequestObservationConvention serverRequestObservationConvention() {
        return new RouteTemplateObservationConvention();
    }

    /** {@code strict_validation_unknown_fields_total{route,mode}}; the property's path never becomes a label. */
    @Bean
    UnknownPropertyListener unknownPropertyListener(MeterRegistry registry) {
        StrictValidationMetrics metrics = new StrictValidationMetrics(registry);
        return (route, mode, path) -> metrics.unknownProperty(route, mode.name());
    }

    /** {@code rate_limited_total{class}}: requests the per-client rate limits refused. */
    @Bean
    RateLimitListener rateLimitListener(MeterRegistry registry) {
        RateLimitMetrics metrics = new RateLimitMetrics(registry);
        return routeClass -> metrics.limited(routeClass.label());
    }

    /**
     * The one Sentry initializer (no Spring integration of Sentry is on the classpath): started with
     * the context, closed (flushed) after the web server has drained. Without SENTRY_DSN it does nothing.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    SentryConfigurator sentryConfigurator(CarmarketSettings settings, ServiceRelease serviceRelease) {
        SentrySettings sentry = settings.sentry();
        return new SentryConfigurator(sentry.dsn().map(Secret::value).orElse(null),
                sentry.environment().orElse(settings.environment().wireName()),
                sentry.release().orElse(serviceRelease.version()));
    }

    /** Every unhandled 500 (never a deliberate 503 or a 4xx) reaches Sentry once; a no-op while Sentry is off. */
    @Bean
    UnhandledFailureListener unhandledFailureListener() {
        return new SentryErrorReporter()::reportUnhandled;
    }
}
