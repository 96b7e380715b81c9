package dev.carmarket.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoreSettingsTest {

    @Test
    void defaultsToHalfAnHourAndBatchesOfAHundred() {
        CoreSettings defaults = CoreSettings.defaults();

        assertThat(defaults.orderTimeToLive()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.expiryBatchSize()).isEqualTo(100);
    }

    @Test
    void rejectsATimeToLiveThatIsNotPositive() {
        assertThatThrownBy(() -> new CoreSettings(Duration.ZERO, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderTimeToLive");
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(-1), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderTimeToLive");
        assertThatThrownBy(() -> new CoreSettings(null, 100)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsABatchSizeOutsideItsRange() {
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiryBatchSize");
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(1), 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiryBatchSize");
        assertThat(new CoreSettings(Duration.ofSeconds(1), 10_000).expiryBatchSize()).isEqualTo(10_000);
    }
}
