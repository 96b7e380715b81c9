package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.readiness.ReadinessTiming;
import dev.carmarket.bootstrap.readiness.ServiceReadiness;
import dev.carmarket.bootstrap.store.StoreAdapters;
import dev.carmarket.adapters.observability.metrics.ReadinessGauge;
import dev.carmarket.adapters.web.health.ConnectionDrain;
import dev.carmarket.adapters.web.health.ServiceRelease;
import dev.carmarket.adapters.web.health.ShutdownDeadline;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Operating the service: readiness (store check and shutdown state) behind {@code /health/ready}
 * and the {@code readiness_status} gauge, and the release that {@code /health/live} names.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** Set by the deploy to the release directory's name; {@code /health/live} shows it. */
    public static final String APP_RELEASE = "APP_RELEASE";

    /** The release when neither {@code APP_RELEASE} nor the jar's manifest names one (a build from an IDE). */
    public static final String UNKNOWN_RELEASE = "dev";

    @Bean
    ServiceReadiness serviceReadiness(StoreAdapters store, CarmarketSettings settings, ConnectionDrain drain,
            ShutdownDeadline deadline) {
        return new ServiceReadiness(store.readinessCheck(),
                ReadinessTiming.forGracePeriod(settings.server().shutdownGracePeriod()), drain, deadline);
    }

    @Bean
    ReadinessGauge readinessGauge(ServiceReadiness readiness) {
        return new ReadinessGauge(readiness::lastKnownReady);
    }

    @Bean
    ServiceRelease serviceRelease(Environment environment) {
        return new ServiceRelease(release(environment.getProperty(APP_RELEASE)));
    }

    /** {@code APP_RELEASE} if set, else the jar's {@code Implementation-Version}, else {@link #UNKNOWN_RELEASE}. */
    static String release(String appRelease) {
        return Optional.ofNullable(appRelease).map(String::strip).filter(value -> !value.isEmpty())
                .or(() -> Optional.ofNullable(OperationsConfiguration.class.getPackage().getImplementationVersion()))
                .orElse(UNKNOWN_RELEASE);
    }
}
