package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.payment.PaymentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Times every {@link PaymentRepository} query ({@link StoreQueryMetrics}). */
public final class MeteredPaymentRepository implements PaymentRepository {

    private final PaymentRepository delegate;
    private final StoreQueryMetrics metrics;

    public MeteredPaymentRepository(PaymentRepository delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.metrics = new StoreQueryMetrics(registry);
    }

    @Override
    public Mono<Void> insert(Payment payment) {
        return metrics.time(StoreQuery.PAYMENT_INSERT, () -> delegate.insert(payment));
    }

    @Override
    public Mono<Payment> findById(PaymentId id) {
        return metrics.time(StoreQuery.PAYMENT_FIND_BY_ID, () -> delegate.findById(id));
    }

    @Override
    public Mono<Payment> findByProviderReference(String providerReference) {
        return metrics.time(StoreQuery.PAYMENT_FIND_BY_PROVIDER_REFERENCE,
                () -> delegate.findByProviderReference(providerReference));
    }

    @Override
    public Mono<Boolean> hasActivePayment(OrderId orderId) {
        return metrics.time(StoreQuery.PAYMENT_HAS_ACTIVE, () -> delegate.hasActivePayment(orderId));
    }

    @Override
    public Mono<Boolean> changeStatus(PaymentId id, PaymentStatus expected, PaymentStatus next) {
        return metrics.time(StoreQuery.PAYMENT_CHANGE_STATUS, () -> delegate.changeStatus(id, expected, next));
    }
}
