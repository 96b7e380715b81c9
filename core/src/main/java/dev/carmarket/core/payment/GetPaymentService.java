package dev.carmarket.core.payment;

import dev.carmarket.core.common.Failures;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.out.payment.PaymentRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class GetPaymentService implements GetPaymentUseCase {

    private final PaymentRepository payments;

    public GetPaymentService(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    @Override
    public Mono<Payment> getPayment(PaymentId id) {
        Objects.requireNonNull(id, "id");
        return payments.findById(id).switchIfEmpty(Failures.fail(DomainError.PAYMENT_NOT_FOUND));
    }
}
