package dev.carmarket.ports.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReservationHolderTest {

    @Test
    void aCustomerIsCountedByTheirEmailTrimmedAndLowerCased() {
        Customer shouting = new Customer("Jane Doe", "Jane.Doe@Example.COM", "+4915112345678");

        assertThat(ReservationHolder.of(shouting, new ClientNetwork("203.0.113.7")))
                .isEqualTo(new ReservationHolder("jane.doe@example.com", new ClientNetwork("203.0.113.7")));
    }

    @Test
    void aClientNetworkIsBoundedSoNoCallerCanMakeTheStoreIndexAnything() {
        assertThatThrownBy(() -> new ClientNetwork("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientNetwork("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ClientNetwork("x".repeat(64)).value()).hasSize(64);
    }
}
