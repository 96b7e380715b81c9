package dev.carmarket.ports.domain.payment;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.OrderId;
import java.time.Instant;
import java.util.Objects;

public record Payment(
        PaymentId id,
        OrderId orderId,
        PaymentStatus status,
        PaymentMethod method,
        Money amount,
        String providerReference,
        String checkoutUrl,
        Instant createdAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Payment withStatus(PaymentStatus newStatus) {
        return new Payment(id, orderId, newStatus, method, amount, providerReference, checkoutUrl, createdAt);
    }
}
