package dev.carmarket.adapters.inmemory.payment;

import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.adapters.inmemory.transaction.PartialUniqueIndex;
import dev.carmarket.adapters.inmemory.transaction.UndoLog;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.payment.PaymentRepository;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Payments, with the database's unique indexes re-enacted: one PENDING or CAPTURED payment per
 * order, and provider references unique across all payments.
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    private static final Set<PaymentStatus> ACTIVE = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.CAPTURED);

    private final InMemoryTransactionRunner transactions;
    private final Map<PaymentId, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, PaymentId> byProviderReference = new ConcurrentHashMap<>();
    private final PartialUniqueIndex<OrderId, PaymentId> activeByOrder =
            new PartialUniqueIndex<>(() -> new DomainException(DomainError.PAYMENT_ALREADY_STARTED));

    public InMemoryPaymentRepository(InMemoryTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> insert(Payment payment) {
        return transactions.execute(undo -> {
            if (payments.containsKey(payment.id())) {
                throw new IllegalStateException("duplicate payment id " + payment.id());
            }
            if (byProviderReference.containsKey(payment.providerReference())) {
                throw new IllegalStateException("duplicate provider reference " + payment.providerReference());
            }
            store(undo, payment);
            undo.put(byProviderReference, payment.providerReference(), payment.id());
            return null;
        });
    }

    @Override
    public Mono<Payment> findById(PaymentId id) {
        return transactions.execute(undo -> payments.get(id));
    }

    @Override
    public Mono<Payment> findByProviderReference(String providerReference) {
        return transactions.execute(undo -> {
            PaymentId id = byProviderReference.get(providerReference);
            return id == null ? null : payments.get(id);
        });
    }

    @Override
    public Mono<Boolean> hasActivePayment(OrderId orderId) {
        return transactions.execute(undo -> activeByOrder.contains(orderId));
    }

    @Override
    public Mono<Boolean> changeStatus(PaymentId id, PaymentStatus expected, PaymentStatus next) {
        return transactions.execute(undo -> {
            Payment payment = payments.get(id);
            if (payment == null || payment.status() != expected) {
                return false;
            }
            store(undo, payment.withStatus(next));
            return true;
        });
    }

    private void store(UndoLog undo, Payment payment) {
        activeByOrder.update(undo, payment.orderId(), payment.id(), ACTIVE.contains(payment.status()));
        undo.put(payments, payment.id(), payment);
    }
}
