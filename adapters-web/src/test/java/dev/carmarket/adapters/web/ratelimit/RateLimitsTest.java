package dev.carmarket.adapters.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitsTest {

    @Test
    void aSpecChangesTheClassesItNamesAndKeepsTheOtherDefaults() {
        RateLimits limits = RateLimits.parse(" Writes = 5/m:10 ").orElseThrow();

        assertThat(limits.of(RouteClass.WRITES)).isEqualTo(new RateLimit(5, Duration.ofMinutes(1), 10));
        assertThat(limits.of(RouteClass.READS)).isEqualTo(RateLimits.DEFAULT.of(RouteClass.READS));
        assertThat(RateLimits.parse("off")).isEmpty();
    }

    @Test
    void theWindowIsTheTimeAnEmptyBucketTakesToFillUp() {
        assertThat(RateLimit.parse("40/s:200").refillTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(RateLimit.parse("2/m:3").refillTime()).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reads", "reads=", "reads=1/s", "reads=1:1", "reads=1/d:1", "reads=0/s:1",
            "reads=1/s:0", "reads=99999999/s:1", "reads=1/s:1,reads=2/s:2", "everything=1/s:1", ""})
    void anythingElseIsRefusedWithTheExpectedForm(String spec) {
        assertThatThrownBy(() -> RateLimits.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .message().isNotBlank();
    }
}
