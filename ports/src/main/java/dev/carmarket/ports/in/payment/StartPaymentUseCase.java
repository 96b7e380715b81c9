package dev.carmarket.ports.in.payment;

import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import reactor.core.publisher.Mono;

public interface StartPaymentUseCase {

    /**
     * Starts a PENDING payment of the order's amount with the provider.
     * Errors: {@code ORDER_NOT_FOUND}, {@code ORDER_NOT_PAYABLE}, {@code PAYMENT_ALREADY_STARTED},
     * {@code IDEMPOTENCY_KEY_REUSED}.
     */
    Mono<StartedPayment> startPayment(StartPaymentCommand command);
}
