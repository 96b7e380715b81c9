package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.http.WireFormat;
import dev.carmarket.ports.domain.payment.Payment;
import java.math.BigDecimal;

/** The contract's Payment. */
public record PaymentResponse(
        String id,
        String orderId,
        String status,
        String method,
        BigDecimal amount,
        String currency,
        String providerReference,
        String checkoutUrl,
        String createdAt) {

    static PaymentResponse from(Payment payment) {
        return new PaymentResponse(WireFormat.id(payment.id().value()), WireFormat.id(payment.orderId().value()),
                payment.status().name(), payment.method().name(), payment.amount().amount(),
                payment.amount().currency(), payment.providerReference(), payment.checkoutUrl(),
                WireFormat.timestamp(payment.createdAt()));
    }
}
