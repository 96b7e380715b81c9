package dev.carmarket.bootstrap.wiring;

import dev.carmarket.adapters.web.ControlSwitches;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Names, at startup, every production control a {@link ControlSwitches} property switched off, and refuses to
 * start on a value other than {@code true} or {@code false}: a typo must not switch a control off silently.
 */
final class DisabledControlsWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DisabledControlsWarning.class);

    private final List<String> switchedOff;

    DisabledControlsWarning(Environment environment) {
        this.switchedOff = ControlSwitches.ALL.stream().filter(name -> isOff(name, environment.getProperty(name))).toList();
    }

    private static boolean isOff(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> false;
            case "false" -> true;
            default -> throw new IllegalStateException(name + " must be true or false (it switches a production"
                    + " control off for a benchmark), not '" + value + "'");
        };
    }

    List<String> switchedOff() {
        return switchedOff;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!switchedOff.isEmpty()) {
            log.warn("Production controls switched OFF (benchmark configuration, never for real traffic): {}", switchedOff);
        }
    }
}
