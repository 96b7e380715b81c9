package dev.carmarket.ports.domain.payment;

import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.OrderId;
import java.net.URI;
import java.util.Objects;

/** A request to pay an order. {@code returnUrl} (https only) and {@code idempotencyKey} may be null. */
public record StartPaymentCommand(OrderId orderId, PaymentMethod method, URI returnUrl, IdempotencyKey idempotencyKey) {

    public StartPaymentCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(method, "method");
        if (returnUrl != null && !("https".equalsIgnoreCase(returnUrl.getScheme()) && returnUrl.getHost() != null)) {
            throw DomainException.invalid("returnUrl must be an https URL");
        }
    }
}
