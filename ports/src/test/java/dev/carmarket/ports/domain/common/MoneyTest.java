package dev.carmarket.ports.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void amountsAreKeptWithTwoDecimalsSoTrailingZerosDoNotMatter() {
        assertThat(Money.of("18990", "EUR")).isEqualTo(Money.of("18990.0", "EUR")).isEqualTo(Money.of("18990.00", "EUR"));
        assertThat(Money.of("18990.5", "EUR").amount()).isEqualByComparingTo("18990.50").hasScaleOf(2);
    }

    @Test
    void theCurrencyIsPartOfTheValue() {
        assertThat(Money.of("10.00", "EUR")).isNotEqualTo(Money.of("10.00", "USD"));
    }

    @Test
    void zeroAndTheLargestStorableAmountAreAccepted() {
        assertThat(Money.of("0", "EUR").amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(new Money(Money.MAX_AMOUNT, "EUR").amount()).isEqualByComparingTo("9999999999.99");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> Money.of("-1.234", "eur"))
                .isInstanceOfSatisfying(DomainException.class, failure -> {
                    assertThat(failure.error()).isEqualTo(DomainError.INVALID_INPUT);
                    assertThat(failure.problems()).containsExactly("amount must not be negative",
                            "amount must have at most 2 decimals", "currency must be an ISO-4217 code");
                });
    }

    @Test
    void anAmountAboveTheStoreLimitIsRejected() {
        assertThatThrownBy(() -> Money.of("10000000000.00", "EUR"))
                .isInstanceOfSatisfying(DomainException.class, failure -> assertThat(failure.problems())
                        .containsExactly("amount must not be greater than 9999999999.99"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "CHF", "PLN"})
    void isoCurrenciesAreRecognised(String code) {
        assertThat(Money.isIsoCurrency(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eur", "EURO", "XYZ", "E1R"})
    void otherCodesAreNotCurrencies(String code) {
        assertThat(Money.isIsoCurrency(code)).isFalse();
    }

    @Test
    void trailingZerosBeyondTwoDecimalsAreStillTwoDecimals() {
        assertThat(Money.of("12.3400", "EUR")).isEqualTo(Money.of("12.34", "EUR"));
    }
}
