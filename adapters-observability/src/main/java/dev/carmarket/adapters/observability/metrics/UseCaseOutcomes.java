package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.common.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Counts each call of an inbound use case once, by outcome: the value's own label on success, the
 * domain error's label on a refusal, {@code error} for a store failure, a bug or an empty result, and
 * {@code cancelled} when the caller went away first.
 */
final class UseCaseOutcomes {

    static final String ERROR = "error";
    static final String CANCELLED = "cancelled";

    private UseCaseOutcomes() {
    }

    /**
     * Registers the counters of one use case: one per given outcome, plus {@code error} and {@code cancelled},
     * which every use case can end with (and {@code error} takes any label outside the set).
     */
    static CounterFamily counters(MeterRegistry registry, String name, String description, Tags fixedTags,
            String labelKey, String... outcomes) {
        List<String> labels = new ArrayList<>(List.of(outcomes));
        labels.add(ERROR);
        labels.add(CANCELLED);
        return new CounterFamily(labels, ERROR, outcome -> Counter.builder(name)
                .description(description)
                .tags(fixedTags)
                .tag(labelKey, outcome)
                .register(registry));
    }

    static <T> Mono<T> count(CounterFamily counters, Supplier<? extends Mono<T>> call,
            Function<? super T, String> valueLabel) {
        return WatchedCalls.mono(call, () -> termination -> counters.increment(switch (termination.kind()) {
            case VALUE -> valueLabel.apply(termination.value());
            case EMPTY -> ERROR;
            case CANCELLED -> CANCELLED;
            case ERROR -> failureLabel(termination.error());
        }));
    }

    /** One label per domain refusal, shared by every use case so the same refusal reads the same everywhere. */
    static String failureLabel(Throwable error) {
        if (!(error instanceof DomainException domain)) {
            return ERROR;
        }
        return switch (domain.error()) {
            case INVALID_INPUT -> "invalid";
            case CAR_NOT_FOUND, ORDER_NOT_FOUND, PAYMENT_NOT_FOUND -> "not_found";
            case CAR_NOT_AVAILABLE -> "car_not_available";
            case ORDER_NOT_PAYABLE -> "not_payable";
            case PAYMENT_ALREADY_STARTED -> "already_started";
            case IDEMPOTENCY_KEY_REUSED -> "idempotency_conflict";
            case PAYMENT_EVENT_MISMATCH -> "mismatch";
            case CUSTOMER_RESERVATION_QUOTA, CLIENT_RESERVATION_QUOTA -> "quota_exceeded";
            case STORE_UNAVAILABLE -> ERROR;
        };
    }
}
