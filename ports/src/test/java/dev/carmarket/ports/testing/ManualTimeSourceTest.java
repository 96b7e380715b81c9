package dev.carmarket.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualTimeSourceTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aManualClockStandsStillUntilMoved() {
        ManualTimeSource clock = new ManualTimeSource(START);

        assertThat(clock.now()).isEqualTo(START).isEqualTo(clock.now());
        assertThat(clock.advance(Duration.ofMinutes(31))).isEqualTo(Instant.parse("2026-11-26T12:31:00Z"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-26T12:31:00Z"));
        clock.set(START);
        assertThat(clock.now()).isEqualTo(START);
    }
}
