package dev.carmarket.bootstrap.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.ControlSwitches;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DisabledControlsWarningTest {

    private static final CarmarketSettings DEFAULTS = CarmarketSettingsReader.read(Map.of());

    @Test
    void everyControlIsOnUnlessSwitchedOffExplicitly() {
        assertThat(new DisabledControlsWarning(new MockEnvironment(), DEFAULTS).switchedOff()).isEmpty();
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ControlSwitches.CORS, "FALSE")
                .withProperty(ControlSwitches.SECURITY_HEADERS, "true");

        assertThat(new DisabledControlsWarning(environment, DEFAULTS).switchedOff()).containsExactly(ControlSwitches.CORS);
    }

    @Test
    void aValueOtherThanTrueOrFalseStopsTheStartInsteadOfSwitchingAControlOffSilently() {
        MockEnvironment typo = new MockEnvironment().withProperty(ControlSwitches.REQUEST_CORRELATION, "off");

        assertThatThrownBy(() -> new DisabledControlsWarning(typo, DEFAULTS))
                .hasMessageContaining(ControlSwitches.REQUEST_CORRELATION).hasMessageContaining("true or false");
    }

    @Test
    void namesEachAbuseControlTheConfigurationSwitchedOff() {
        assertThat(new DisabledControlsWarning(new MockEnvironment(), DEFAULTS).abuseControlsOff()).isEmpty();
        CarmarketSettings quotaOff = CarmarketSettingsReader.read(Map.of("ORDER_QUOTA", "off"));
        CarmarketSettings bothOff = CarmarketSettingsReader.read(Map.of("ORDER_QUOTA", "OFF", "RATE_LIMITS", "off"));

        assertThat(new DisabledControlsWarning(new MockEnvironment(), quotaOff).abuseControlsOff())
                .singleElement().asString().startsWith("ORDER_QUOTA");
        assertThat(new DisabledControlsWarning(new MockEnvironment(), bothOff).abuseControlsOff())
                .hasSize(2).anyMatch(control -> control.startsWith("RATE_LIMITS"));
    }
}
