package dev.carmarket.adapters.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SystemTimeSourceTest {

    @Test
    void theSystemClockTellsTheTimeInWholeMicroseconds() {
        Instant now = new SystemTimeSource().now();

        assertThat(now).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThat(now.getNano() % 1_000).isZero();
    }
}
