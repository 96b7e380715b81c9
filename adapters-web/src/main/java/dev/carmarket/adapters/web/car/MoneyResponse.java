package dev.carmarket.adapters.web.car;

import dev.carmarket.ports.domain.common.Money;
import java.math.BigDecimal;

/** A car price: {@code amount} a JSON number with two decimals, {@code currency} ISO-4217. */
public record MoneyResponse(BigDecimal amount, String currency) {

    static MoneyResponse from(Money money) {
        return new MoneyResponse(money.amount(), money.currency());
    }
}
