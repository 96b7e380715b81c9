package dev.carmarket.core.payment;

import dev.carmarket.core.common.Failures;
import dev.carmarket.core.common.IdempotentCreation;
import dev.carmarket.core.common.RequestFingerprint;
import dev.carmarket.core.order.OrderLifecycle;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.CheckoutRequest;
import dev.carmarket.ports.out.payment.PaymentProvider;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Opens a checkout with the provider for the order's amount and records a PENDING
 * payment, in one transaction with the idempotency claim.
 */
public final class StartPaymentService implements StartPaymentUseCase {

    private static final String IDEMPOTENCY_SCOPE = "start-payment";

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final IdempotentCreation<StartedPayment> creation;

    public StartPaymentService(OrderRepository orders, PaymentRepository payments, PaymentProvider provider,
            IdempotencyStore idempotencyStore, TransactionRunner transactions, TimeSource time, IdGenerator ids) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.creation = new IdempotentCreation<>(idempotencyStore, transactions, time, ids, IDEMPOTENCY_SCOPE,
                this::replay);
    }

    @Override
    public Mono<StartedPayment> startPayment(StartPaymentCommand command) {
        Objects.requireNonNull(command, "command");
        return creation.run(command.idempotencyKey(), () -> fingerprint(command),
                (paymentId, now) -> start(new PaymentId(paymentId), command, now));
    }

    private Mono<StartedPayment> start(PaymentId paymentId, StartPaymentCommand command, Instant now) {
        return orders.findById(command.orderId())
                .switchIfEmpty(Failures.fail(DomainError.ORDER_NOT_FOUND))
                .filter(order -> OrderLifecycle.isPayable(order, now))
                .switchIfEmpty(Failures.fail(DomainError.ORDER_NOT_PAYABLE))
                .flatMap(order -> payments.hasActivePayment(order.id())
                        .flatMap(active -> active
                                ? Failures.<Payment>fail(DomainError.PAYMENT_ALREADY_STARTED)
                                : openCheckout(paymentId, command, order, now)))
                // The repository enforces one active payment per order again, against races.
                .flatMap(payment -> payments.insert(payment).thenReturn(new StartedPayment(payment, false)));
    }

    private Mono<Payment> openCheckout(PaymentId paymentId, StartPaymentCommand command, Order order, Instant now) {
        return provider.createCheckout(new CheckoutRequest(paymentId, order.amount(), command.method(),
                        command.returnUrl()))
                .map(checkout -> new Payment(paymentId, order.id(), PaymentStatus.PENDING, command.method(),
                        order.amount(), checkout.providerReference(), checkout.checkoutUrl(), now));
    }

    private Mono<StartedPayment> replay(UUID paymentId) {
        return payments.findById(new PaymentId(paymentId)).map(payment -> new StartedPayment(payment, true));
    }

    /** Every field of the request body, so only a byte-for-byte same request replays. */
    static String fingerprint(StartPaymentCommand command) {
        return RequestFingerprint.sha256()
                .field("orderId", command.orderId().value().toString())
                .field("method", command.method().name())
                .field("returnUrl", command.returnUrl() == null ? null : command.returnUrl().toString())
                .hex();
    }
}
