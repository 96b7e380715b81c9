package dev.carmarket.ports.domain.car;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CarFiltersTest {

    private static CarFilters prices(String min, String max) {
        return new CarFilters(null, null, null, null, null, null, null, null, new BigDecimal(min), new BigDecimal(max),
                null);
    }

    @Test
    void pricesWrittenWithTrailingZerosAreTheSameFilters() {
        CarFilters plain = prices("100", "150.5");
        CarFilters padded = prices("100.00", "150.50");

        assertThat(padded).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(padded.priceMin()).isEqualByComparingTo("100");
        assertThat(padded.priceMax()).isEqualByComparingTo("150.5");
    }

    @Test
    void differentPricesAreDifferentFilters() {
        assertThat(prices("100", "150.5")).isNotEqualTo(prices("100.01", "150.5"))
                .isNotEqualTo(prices("100", "150.05"));
    }
}
