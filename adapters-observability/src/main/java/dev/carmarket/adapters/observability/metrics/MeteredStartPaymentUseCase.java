package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * Counts every payment start as {@code payments{status}} (Prometheus {@code payments_total}), status one
 * of {@code started}, {@code replayed} (an idempotency key returned the earlier payment), {@code not_found},
 * {@code not_payable}, {@code already_started}, {@code idempotency_conflict}, {@code invalid},
 * {@code error}, {@code cancelled}. How payments end is counted by {@link MeteredHandlePaymentEventUseCase}.
 */
public final class MeteredStartPaymentUseCase implements StartPaymentUseCase {

    private final StartPaymentUseCase delegate;
    private final CounterFamily payments;

    public MeteredStartPaymentUseCase(StartPaymentUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.payments = UseCaseOutcomes.counters(registry, "payments", "Payment starts by status", Tags.empty(),
                "status", "started", "replayed", "not_found", "not_payable", "already_started", "idempotency_conflict",
                "invalid");
    }

    @Override
    public Mono<StartedPayment> startPayment(StartPaymentCommand command) {
        return UseCaseOutcomes.count(payments, () -> delegate.startPayment(command),
                result -> result.replayed() ? "replayed" : "started");
    }
}
