package dev.carmarket.ports.domain.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.ports.testing.TestCars;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarPageTest {

    @ParameterizedTest(name = "total {0}, limit {1} -> {2} pages")
    @CsvSource({"0, 20, 0", "1, 20, 1", "20, 20, 1", "21, 20, 2", "1234, 20, 62", "100, 1, 100", "5, 100, 1"})
    void totalPagesRoundsUp(long total, int limit, long pages) {
        assertThat(new CarPage(List.of(), 1, limit, total).totalPages()).isEqualTo(pages);
    }

    @Test
    void aStaleTotalIsNeverBelowWhatThePagesAlreadyShowed() {
        CarSummary car = TestCars.available().summary();

        CarPage page = new CarPage(List.of(car, car), 3, 10, 5);

        assertThat(page.total()).isEqualTo(22);
    }

    @Test
    void pageAndLimitMustBePositive() {
        assertThatThrownBy(() -> new CarPage(List.of(), 0, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CarPage(List.of(), 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
