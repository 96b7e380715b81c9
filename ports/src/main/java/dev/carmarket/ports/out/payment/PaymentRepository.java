package dev.carmarket.ports.out.payment;

import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import reactor.core.publisher.Mono;

/**
 * Payments. The store guarantees at most one non-FAILED payment per order and unique
 * provider references: an insert that would break the first fails with
 * {@code PAYMENT_ALREADY_STARTED}.
 */
public interface PaymentRepository {

    Mono<Void> insert(Payment payment);

    /** Empty when unknown. */
    Mono<Payment> findById(PaymentId id);

    /** Empty when unknown. */
    Mono<Payment> findByProviderReference(String providerReference);

    /** Whether the order has a PENDING or CAPTURED payment. */
    Mono<Boolean> hasActivePayment(OrderId orderId);

    /** Compare-and-set of the status; true if this call made the change. */
    Mono<Boolean> changeStatus(PaymentId id, PaymentStatus expected, PaymentStatus next);
}
