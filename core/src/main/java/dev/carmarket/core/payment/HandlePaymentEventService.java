package dev.carmarket.core.payment;

import dev.carmarket.core.car.CarLifecycle;
import dev.carmarket.core.common.Failures;
import dev.carmarket.core.order.OrderLifecycle;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Applies a provider event once per event id. Recording the id and every status change
 * share one transaction, so an event that fails (unknown reference, amount mismatch, store
 * failure) is neither recorded nor applied, and the provider's retry is handled afresh.
 */
public final class HandlePaymentEventService implements HandlePaymentEventUseCase {

    private final ProcessedEventStore processedEvents;
    private final PaymentRepository payments;
    private final PaymentLifecycle paymentLifecycle;
    private final OrderRepository orders;
    private final OrderLifecycle orderLifecycle;
    private final CarLifecycle carLifecycle;
    private final TransactionRunner transactions;
    private final TimeSource time;

    public HandlePaymentEventService(ProcessedEventStore processedEvents, PaymentRepository payments,
            OrderRepository orders, CarCatalog cars, TransactionRunner transactions, TimeSource time) {
        this.processedEvents = Objects.requireNonNull(processedEvents, "processedEvents");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.paymentLifecycle = new PaymentLifecycle(payments);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.orderLifecycle = new OrderLifecycle(orders);
        this.carLifecycle = new CarLifecycle(cars);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public Mono<PaymentEventOutcome> handle(PaymentEvent event) {
        Objects.requireNonNull(event, "event");
        return Mono.defer(() -> {
            Instant now = time.now();
            return transactions.inTransaction(() -> processedEvents.markProcessed(event.eventId(), now)
                    .flatMap(first -> first ? apply(event) : Mono.just(PaymentEventOutcome.DUPLICATE)));
        });
    }

    private Mono<PaymentEventOutcome> apply(PaymentEvent event) {
        return payments.findByProviderReference(event.providerReference())
                .switchIfEmpty(Failures.fail(DomainError.PAYMENT_NOT_FOUND))
                // Money equality is by value: the amount's scale is normalised on construction.
                .filter(payment -> payment.amount().equals(event.amount()))
                .switchIfEmpty(Failures.fail(DomainError.PAYMENT_EVENT_MISMATCH))
                .flatMap(payment -> switch (event.type()) {
                    case SUCCEEDED -> capture(payment);
                    case FAILED -> fail(payment);
                });
    }

    private Mono<PaymentEventOutcome> capture(Payment payment) {
        return paymentLifecycle.capture(payment.id())
                .flatMap(captured -> captured ? settleOrder(payment) : Mono.just(PaymentEventOutcome.IGNORED));
    }

    /** The money is taken; the order is paid unless it stopped being payable (expired) meanwhile. */
    private Mono<PaymentEventOutcome> settleOrder(Payment payment) {
        return orders.findById(payment.orderId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "payment " + payment.id() + " belongs to missing order " + payment.orderId())))
                .flatMap(order -> orderLifecycle.markPaid(order.id())
                        .flatMap(paid -> paid
                                ? carLifecycle.sell(order.carId()).thenReturn(PaymentEventOutcome.APPLIED)
                                : Mono.just(PaymentEventOutcome.LATE_CAPTURE)));
    }

    /** The order stays PENDING_PAYMENT, so the buyer may start another payment. */
    private Mono<PaymentEventOutcome> fail(Payment payment) {
        return paymentLifecycle.fail(payment.id())
                .map(failed -> failed ? PaymentEventOutcome.APPLIED : PaymentEventOutcome.IGNORED);
    }
}
