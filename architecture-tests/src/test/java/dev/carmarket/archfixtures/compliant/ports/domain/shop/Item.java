package dev.carmarket.archfixtures.compliant.ports.domain.shop;

import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainError;
import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainException;
import java.math.BigDecimal;

/** Fixture: a value object, a record with an exact price. */
public record Item(String name, BigDecimal price) {

    public static final int MAX_NAME_LENGTH = 100;

    public Item {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DomainException(DomainError.INVALID_INPUT);
        }
    }
}
