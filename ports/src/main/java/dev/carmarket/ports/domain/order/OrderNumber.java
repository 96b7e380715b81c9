package dev.carmarket.ports.domain.order;

import java.util.Objects;

/** Human-facing order number, {@code ORD-<year>-<at least six digits>}, e.g. {@code ORD-2026-000123}. */
public record OrderNumber(String value) {

    public OrderNumber {
        Objects.requireNonNull(value, "value");
        if (!value.matches("ORD-\\d{4}-\\d{6,}")) {
            throw new IllegalArgumentException("order number must look like ORD-2026-000123");
        }
    }

    public static OrderNumber of(int year, long sequence) {
        return new OrderNumber(String.format("ORD-%04d-%06d", year, sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
