package dev.carmarket.bootstrap.observation;

import dev.carmarket.adapters.web.ControlSwitches;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Names, at startup, every production control a {@link ControlSwitches} property switched off, and refuses to
 * start on a value other than {@code true} or {@code false}: a typo must not switch a control off silently.
 * Names likewise each abuse control the configuration switched off ({@code RATE_LIMITS=off},
 * {@code ORDER_QUOTA=off}).
 */
public final class DisabledControlsWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DisabledControlsWarning.class);

    private final List<String> switchedOff;
    private final List<String> abuseControlsOff;

    public DisabledControlsWarning(Environment environment, CarmarketSettings settings) {
        this.switchedOff = ControlSwitches.ALL.stream().filter(name -> isOff(name, environment.getProperty(name))).toList();
        this.abuseControlsOff = Stream.of(
                        settings.edge().rateLimits().isEmpty() ? "RATE_LIMITS (per-client rate limits)" : null,
                        settings.orders().quota().isEmpty() ? "ORDER_QUOTA (reservation quota)" : null)
                .filter(Objects::nonNull)
                .toList();
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

    List<String> abuseControlsOff() {
        return abuseControlsOff;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!switchedOff.isEmpty()) {
            log.warn("Production controls switched OFF (benchmark configuration, never for real traffic): {}", switchedOff);
        }
        if (!abuseControlsOff.isEmpty()) {
            log.warn("Abuse controls switched OFF, nothing bounds what one client takes: {}", abuseControlsOff);
        }
    }
}
