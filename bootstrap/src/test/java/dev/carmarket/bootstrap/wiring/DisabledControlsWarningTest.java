package dev.carmarket.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.ControlSwitches;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DisabledControlsWarningTest {

    @Test
    void everyControlIsOnUnlessSwitchedOffExplicitly() {
        assertThat(new DisabledControlsWarning(new MockEnvironment()).switchedOff()).isEmpty();
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ControlSwitches.CORS, "FALSE")
                .withProperty(ControlSwitches.SECURITY_HEADERS, "true");

        assertThat(new DisabledControlsWarning(environment).switchedOff()).containsExactly(ControlSwitches.CORS);
    }

    @Test
    void aValueOtherThanTrueOrFalseStopsTheStartInsteadOfSwitchingAControlOffSilently() {
        MockEnvironment typo = new MockEnvironment().withProperty(ControlSwitches.REQUEST_CORRELATION, "off");

        assertThatThrownBy(() -> new DisabledControlsWarning(typo))
                .hasMessageContaining(ControlSwitches.REQUEST_CORRELATION).hasMessageContaining("true or false");
    }
}
