package dev.carmarket.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsConfigurationTest {

    @Test
    void theReleaseIsAppReleaseElseTheJarVersionElseDev() {
        assertThat(OperationsConfiguration.release("20261126T140312Z-44abf9c58071")).isEqualTo("20261126T140312Z-44abf9c58071");
        assertThat(OperationsConfiguration.release(" r42 ")).isEqualTo("r42");
        // Tests run from classes, without a jar manifest.
        assertThat(OperationsConfiguration.release(null)).isEqualTo(OperationsConfiguration.UNKNOWN_RELEASE);
        assertThat(OperationsConfiguration.release("  ")).isEqualTo(OperationsConfiguration.UNKNOWN_RELEASE);
    }
}
