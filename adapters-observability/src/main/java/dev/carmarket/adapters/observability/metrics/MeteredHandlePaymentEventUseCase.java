package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Counts every authenticated provider event as {@code payment.webhooks{type,outcome}} (Prometheus
 * {@code payment_webhooks_total}): type {@code succeeded} or {@code failed}; outcome {@code applied},
 * {@code duplicate}, {@code ignored}, {@code late_capture} (captured after the order expired: needs a
 * refund), {@code mismatch}, {@code not_found}, {@code invalid}, {@code error}, {@code cancelled}.
 */
public final class MeteredHandlePaymentEventUseCase implements HandlePaymentEventUseCase {

    private final HandlePaymentEventUseCase delegate;
    private final Map<PaymentEventType, CounterFamily> webhooksByType = new EnumMap<>(PaymentEventType.class);

    public MeteredHandlePaymentEventUseCase(HandlePaymentEventUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        for (PaymentEventType type : PaymentEventType.values()) {
            webhooksByType.put(type, UseCaseOutcomes.counters(registry, "payment.webhooks",
                    "Authenticated payment provider events by type and outcome", Tags.of("type", label(type)),
                    "outcome", "applied", "duplicate", "ignored", "late_capture", "mismatch", "not_found", "invalid"));
        }
    }

    @Override
    public Mono<PaymentEventOutcome> handle(PaymentEvent event) {
        return UseCaseOutcomes.count(webhooksByType.get(event.type()), () -> delegate.handle(event),
                MeteredHandlePaymentEventUseCase::label);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
