package dev.carmarket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validated settings that Spring itself must see. */
class CarmarketApplicationPropertiesTest {

    @Test
    void port_and_grace_period_become_spring_properties() {
        Map<String, Object> properties = CarmarketApplication.springProperties(
                CarmarketSettingsReader.read(Map.of("PORT", "9123", "SHUTDOWN_GRACE_PERIOD", "7s")));

        assertThat(properties).containsEntry("server.port", 9123)
                .containsEntry("spring.lifecycle.timeout-per-shutdown-phase", Duration.ofSeconds(7))
                .doesNotContainKey("logging.structured.format.console");
    }

    @Test
    void json_log_format_switches_the_console_to_structured_json() {
        Map<String, Object> properties = CarmarketApplication.springProperties(
                CarmarketSettingsReader.read(Map.of("LOG_FORMAT", "json")));

        assertThat(properties).containsEntry("logging.structured.format.console", "logstash");
    }
}
