package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.observation.DisabledControlsWarning;
import dev.carmarket.adapters.web.security.SecuritySettings;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.EdgeSettings;
import dev.carmarket.bootstrap.settings.Secret;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The web adapter's security controls, fed from the validated settings: CORS_ALLOWED_ORIGINS,
 * TRUST_PROXY and INTERNAL_TOKEN, and APP_ENV for whether loopback clients skip the token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecuritySettings securitySettings(CarmarketSettings settings) {
        EdgeSettings edge = settings.edge();
        return new SecuritySettings(
                Set.copyOf(edge.corsAllowedOrigins()),
                edge.trustedProxies(),
                edge.internalToken().map(Secret::value),
                !settings.environment().isProduction());
    }

    @Bean
    DisabledControlsWarning disabledControlsWarning(Environment environment, CarmarketSettings settings) {
        return new DisabledControlsWarning(environment, settings);
    }
}
