package dev.carmarket.ports.in.payment;

import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import reactor.core.publisher.Mono;

public interface HandlePaymentEventUseCase {

    /**
     * Applies an authenticated provider event once per event id, in one transaction.
     * Errors: {@code PAYMENT_NOT_FOUND} for an unknown provider reference,
     * {@code PAYMENT_EVENT_MISMATCH} when amount or currency differ (nothing changes).
     */
    Mono<PaymentEventOutcome> handle(PaymentEvent event);
}
