package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.input.InputProblems;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Body of {@code POST /payments/webhook}, sent (and signed) by the payment provider. */
public record PaymentWebhookRequest(
        String eventId,
        String type,
        String providerReference,
        BigDecimal amount,
        String currency,
        String occurredAt) {

    /** The port event, or a 400 listing every problem. */
    PaymentEvent toEvent() {
        InputProblems problems = new InputProblems();
        problems.requirePresent("eventId", eventId);
        problems.requirePresent("providerReference", providerReference);
        PaymentEventType eventType = problems.requiredOneOf("type", type, List.of(PaymentEventType.values()),
                PaymentEventType::wireName);
        boolean amountPresent = problems.requirePresent("amount", amount);
        Money money = problems.requirePresent("currency", currency) && amountPresent
                ? problems.attempt(() -> new Money(amount, currency))
                : null;
        Instant occurred = problems.requirePresent("occurredAt", occurredAt) ? instant(problems, occurredAt) : null;
        PaymentEvent event = problems.isEmpty()
                ? problems.attempt(() -> new PaymentEvent(eventId, eventType, providerReference, money, occurred))
                : null;
        problems.throwIfAny();
        return event;
    }

    private static Instant instant(InputProblems problems, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException malformed) {
            problems.add("occurredAt must be a valid ISO 8601 date string");
            return null;
        }
    }
}
