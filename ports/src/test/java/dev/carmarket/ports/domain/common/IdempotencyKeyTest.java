package dev.carmarket.ports.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    private static final String PROBLEM = "Idempotency-Key must be 1 to 128 printable ASCII characters";

    @ParameterizedTest
    @ValueSource(strings = {"a", "order 42 / retry #1", "550e8400-e29b-41d4-a716-446655440000", "~!@#$%^&*()"})
    void printableAsciiKeysAreAccepted(String value) {
        assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "line\nbreak", "caf\u00e9", "\u0000"})
    void emptyOrNonPrintableKeysAreRejected(String value) {
        assertThatThrownBy(() -> new IdempotencyKey(value))
                .isInstanceOfSatisfying(DomainException.class, failure -> {
                    assertThat(failure.error()).isEqualTo(DomainError.INVALID_INPUT);
                    assertThat(failure.problems()).containsExactly(PROBLEM);
                });
    }

    @Test
    void keysUpTo128CharactersAreAccepted() {
        assertThat(new IdempotencyKey("k".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(129))).isInstanceOf(DomainException.class);
    }
}
