package dev.carmarket.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreSettingsTest {

    @Test
    void defaultsToHalfAnHourAndBatchesOfAHundred() {
        CoreSettings defaults = CoreSettings.defaults();

        assertThat(defaults.orderTimeToLive()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.expiryBatchSize()).isEqualTo(100);
        assertThat(defaults.reservationQuota()).contains(new ReservationQuota(2, 5));
    }

    @Test
    void rejectsAQuotaOutsideItsRange() {
        assertThatThrownBy(() -> new ReservationQuota(0, 5)).hasMessageContaining("perCustomer");
        assertThatThrownBy(() -> new ReservationQuota(2, 1_001)).hasMessageContaining("perClient");
        assertThat(new ReservationQuota(1, 1_000).perClient()).isEqualTo(1_000);
    }

    @Test
    void rejectsATimeToLiveThatIsNotPositive() {
        assertThatThrownBy(() -> new CoreSettings(Duration.ZERO, 100, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderTimeToLive");
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(-1), 100, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderTimeToLive");
        assertThatThrownBy(() -> new CoreSettings(null, 100, Optional.empty())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsABatchSizeOutsideItsRange() {
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(1), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiryBatchSize");
        assertThatThrownBy(() -> new CoreSettings(Duration.ofMinutes(1), 10_001, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiryBatchSize");
        assertThat(new CoreSettings(Duration.ofSeconds(1), 10_000, Optional.empty()).expiryBatchSize()).isEqualTo(10_000);
    }
}
