package dev.carmarket.bootstrap.wiring;

import dev.carmarket.adapters.web.WebAdapterConfiguration;
import dev.carmarket.adapters.web.WebSettings;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.EdgeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HTTP adapter, fed with the use case beans and its share of the validated settings. */
@Configuration(proxyBeanMethods = false)
@Import(WebAdapterConfiguration.class)
public class WebConfiguration {

    @Bean
    WebSettings webSettings(CarmarketSettings settings) {
        EdgeSettings edge = settings.edge();
        return WebSettings.of(edge.strictValidation(), edge.paymentWebhookSecret().value(), edge.rateLimits());
    }
}
