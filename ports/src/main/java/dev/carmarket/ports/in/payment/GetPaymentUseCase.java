package dev.carmarket.ports.in.payment;

import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import reactor.core.publisher.Mono;

public interface GetPaymentUseCase {

    /** Errors with {@code PAYMENT_NOT_FOUND} when there is none. */
    Mono<Payment> getPayment(PaymentId id);
}
