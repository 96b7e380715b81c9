package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.settings.CarmarketSettings;
import java.util.Objects;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Makes the settings, validated before Spring started, a bean: configurations inject them instead
 * of reading the environment again.
 */
public class SettingsInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

    private final CarmarketSettings settings;

    public SettingsInitializer(CarmarketSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean(CarmarketSettings.class, () -> settings);
    }
}
