package dev.carmarket.ports.domain.payment;

import java.util.Arrays;
import java.util.Optional;

/** Provider event types with their wire names. */
public enum PaymentEventType {
    SUCCEEDED("payment.succeeded"),
    FAILED("payment.failed");

    private final String wireName;

    PaymentEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
