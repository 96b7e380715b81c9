package dev.carmarket.bootstrap;

import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.LogFormat;
import dev.carmarket.bootstrap.wiring.CoreConfiguration;
import dev.carmarket.bootstrap.wiring.ObservabilityConfiguration;
import dev.carmarket.bootstrap.wiring.OperationsConfiguration;
import dev.carmarket.bootstrap.wiring.SecurityConfiguration;
import dev.carmarket.bootstrap.wiring.SettingsInitializer;
import dev.carmarket.bootstrap.wiring.StoreConfiguration;
import dev.carmarket.bootstrap.observation.ThreadLocalPropagation;
import dev.carmarket.bootstrap.wiring.WebConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The carmarket service. Every bean comes from the explicitly imported configurations: nothing
 * is component-scanned, so no adapter class becomes a bean by accident.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({StoreConfiguration.class, CoreConfiguration.class, WebConfiguration.class, OperationsConfiguration.class,
        SecurityConfiguration.class, ObservabilityConfiguration.class})
public class CarmarketApplication {

    public static void main(String[] args) {
        CarmarketLauncher launcher = new CarmarketLauncher(System.getenv(), System.out, System.err);
        int exitStatus = launcher.launch(args);
        if (exitStatus != CarmarketLauncher.SERVING) {
            System.exit(exitStatus);
        }
    }

    /** The Spring application for validated settings; its arguments are consumed by the launcher, not Spring. */
    public static SpringApplication application(CarmarketSettings settings) {
        ThreadLocalPropagation.onlyRequestId();
        SpringApplication application = new SpringApplication(CarmarketApplication.class);
        application.setDefaultProperties(springProperties(settings));
        application.addInitializers(new SettingsInitializer(settings));
        return application;
    }

    /**
     * The settings Spring itself reads. Default properties are in the environment before logging
     * starts (LOG_FORMAT must apply from the first line).
     */
    static Map<String, Object> springProperties(CarmarketSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", settings.server().port());
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", settings.server().shutdownGracePeriod());
        if (settings.logFormat() == LogFormat.JSON) {
            properties.put("logging.structured.format.console", "logstash");
        }
        return properties;
    }
}
