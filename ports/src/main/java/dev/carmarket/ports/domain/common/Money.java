package dev.carmarket.ports.domain.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact, non-negative amount with at most two decimals in an ISO-4217
 * currency. Equality ignores trailing zeros ({@code 18990.0 EUR == 18990.00 EUR}).
 */
public record Money(BigDecimal amount, String currency) {

    /** The largest amount the stores accept (numeric(12,2)). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Problems problems = new Problems()
                .check(amount.signum() >= 0, "amount must not be negative")
                .check(amount.stripTrailingZeros().scale() <= 2, "amount must have at most 2 decimals")
                .check(amount.compareTo(MAX_AMOUNT) <= 0, "amount must not be greater than " + MAX_AMOUNT.toPlainString())
                .check(isIsoCurrency(currency), "currency must be an ISO-4217 code");
        problems.throwIfAny();
        amount = amount.setScale(2);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
