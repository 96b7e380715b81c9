package dev.carmarket.adapters.r2dbc.payment;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.support.StatusTransition;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.payment.PaymentRepository;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link PaymentRepository} on PostgreSQL. The partial unique index
 * {@code payments_one_active_payment_per_order} enforces one non-FAILED payment per order across
 * instances; its violation surfaces as {@code PAYMENT_ALREADY_STARTED} (see StoreFailures).
 */
public final class R2dbcPaymentRepository implements PaymentRepository {

    private static final String COLUMNS =
            "id, order_id, status, method, amount, currency, provider_reference, checkout_url, created_at";

    private final DatabaseClient client;
    private final StoreCalls calls;
    private final StatusTransition statusTransition;

    public R2dbcPaymentRepository(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
        this.statusTransition = new StatusTransition(client, calls, "payments", "payment.change_status");
    }

    @Override
    public Mono<Void> insert(Payment payment) {
        return calls.mono("payment.insert", client.sql("INSERT INTO payments (" + COLUMNS + ") VALUES (:id, :orderId, :status, :method,"
                        + " :amount, :currency, :providerReference, :checkoutUrl, :createdAt)")
                .bind("id", payment.id().value())
                .bind("orderId", payment.orderId().value())
                .bind("status", payment.status().name())
                .bind("method", payment.method().name())
                .bind("amount", payment.amount().amount())
                .bind("currency", payment.amount().currency())
                .bind("providerReference", payment.providerReference())
                .bind("checkoutUrl", payment.checkoutUrl())
                .bind("createdAt", payment.createdAt())
                .then());
    }

    @Override
    public Mono<Payment> findById(PaymentId id) {
        return findOne("payment.find_by_id", "id = :value", id.value());
    }

    @Override
    public Mono<Payment> findByProviderReference(String providerReference) {
        return findOne("payment.find_by_provider_reference", "provider_reference = :value", providerReference);
    }

    @Override
    public Mono<Boolean> hasActivePayment(OrderId orderId) {
        return calls.mono("payment.has_active_payment", client.sql("SELECT EXISTS (SELECT 1 FROM payments WHERE order_id = :orderId"
                        + " AND status <> 'FAILED') AS active")
                .bind("orderId", orderId.value())
                .map(row -> row.get("active", Boolean.class))
                .one());
    }

    @Override
    public Mono<Boolean> changeStatus(PaymentId id, PaymentStatus expected, PaymentStatus next) {
        return statusTransition.change(id.value(), expected, next);
    }

    private Mono<Payment> findOne(String query, String condition, Object value) {
        return calls.mono(query, client.sql("SELECT " + COLUMNS + " FROM payments WHERE " + condition)
                .bind("value", value)
                .map(R2dbcPaymentRepository::payment)
                .one());
    }

    private static Payment payment(Readable row) {
        return new Payment(
                new PaymentId(row.get("id", UUID.class)),
                new OrderId(row.get("order_id", UUID.class)),
                PaymentStatus.valueOf(row.get("status", String.class)),
                PaymentMethod.valueOf(row.get("method", String.class)),
                new Money(row.get("amount", BigDecimal.class), row.get("currency", String.class)),
                row.get("provider_reference", String.class),
                row.get("checkout_url", String.class),
                row.get("created_at", Instant.class));
    }
}
