package dev.carmarket.ports.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/** Human-facing order number, {@code ORD-<year>-<at least six digits>}, e.g. {@code ORD-2026-000123}. */
public record OrderNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("ORD-\\d{4}-\\d{6,}");

    public OrderNumber {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("order number must look like ORD-2026-000123");
        }
    }

    /** Built by hand: {@code String.format} parses its pattern on every order. */
    public static OrderNumber of(int year, long sequence) {
        return new OrderNumber("ORD-" + zeroPadded(year, 4) + "-" + zeroPadded(sequence, 6));
    }

    private static String zeroPadded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public String toString() {
        return value;
    }
}
