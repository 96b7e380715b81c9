package dev.carmarket.ports.out.payment;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import java.net.URI;

/** What the provider needs to open a checkout; {@code returnUrl} may be null. */
public record CheckoutRequest(PaymentId paymentId, Money amount, PaymentMethod method, URI returnUrl) {
}
