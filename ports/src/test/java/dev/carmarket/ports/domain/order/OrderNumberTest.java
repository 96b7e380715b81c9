package dev.carmarket.ports.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderNumberTest {

    @Test
    void padsTheSequenceToSixDigits() {
        assertThat(OrderNumber.of(2026, 123).value()).isEqualTo("ORD-2026-000123");
        assertThat(OrderNumber.of(2027, 1).value()).isEqualTo("ORD-2027-000001");
    }

    @Test
    void keepsEveryDigitOfALongerSequence() {
        assertThat(OrderNumber.of(2026, 123_456).value()).isEqualTo("ORD-2026-123456");
        assertThat(OrderNumber.of(2026, 12_345_678_901L).value()).isEqualTo("ORD-2026-12345678901");
    }

    @Test
    void refusesWhatIsNotAnOrderNumber() {
        assertThatThrownBy(() -> OrderNumber.of(2026, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderNumber("ORD-26-000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderNumber("ORD-2026-00001")).isInstanceOf(IllegalArgumentException.class);
    }
}
