package dev.carmarket.adapters.observability.metrics;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Times store queries and counts store failures, for the {@code Metered*} port decorators.
 * <ul>
 * <li>{@code db.query{query,outcome}} (Prometheus {@code db_query_seconds_count|sum|bucket}): from
 * subscription to the result, error or cancel. {@code outcome} is {@code success} (completed normally),
 * {@code empty} (a {@link StoreQuery#lookup() lookup} found nothing), {@code rejected} (the store refused
 * with a domain error such as {@code CAR_NOT_AVAILABLE} or {@code PAYMENT_ALREADY_STARTED}: a normal
 * business result), {@code error} (a store failure, see below) or {@code cancelled}.</li>
 * <li>{@code db.failures{query,reason}} (Prometheus {@code db_failures_total}): store failures only,
 * {@code reason} {@code unavailable} for {@code STORE_UNAVAILABLE}, {@code error} for anything that is
 * not a {@link DomainException}. Every series is registered at zero up front, so the first failure
 * shows in {@code rate()} (Prometheus cannot see the increase of a series that appears at 1).</li>
 * </ul>
 */
final class StoreQueryMetrics {

    /**
     * Histogram buckets for one query: a few milliseconds (an indexed read on the same host) to seconds
     * (the pool or the disk in trouble), with exact 0.5 s and 1 s bounds to line up with the HTTP SLOs.
     */
    private static final List<Duration> BUCKETS = List.of(
            Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5));

    private enum FailureReason { UNAVAILABLE, ERROR }

    private final MeterRegistry registry;
    private final Duration[] buckets = BUCKETS.toArray(Duration[]::new);
    private final Map<StoreQuery, Map<FailureReason, Counter>> failures = new EnumMap<>(StoreQuery.class);
    private final Map<StoreQuery, Map<String, Timer>> timers = new EnumMap<>(StoreQuery.class);

    StoreQueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (StoreQuery query : StoreQuery.values()) {
            Map<FailureReason, Counter> byReason = new EnumMap<>(FailureReason.class);
            for (FailureReason reason : FailureReason.values()) {
                byReason.put(reason, Counter.builder("db.failures")
                        .description("Store queries that failed: the store was unavailable or the query broke")
                        .tag("query", query.label())
                        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            failures.put(query, byReason);
            timers.put(query, new ConcurrentHashMap<>());
        }
    }

    <T> Mono<T> time(StoreQuery query, Supplier<? extends Mono<T>> call) {
        return WatchedCalls.mono(call, () -> recorder(query));
    }

    <T> Flux<T> timeFlux(StoreQuery query, Supplier<? extends Flux<T>> call) {
        return WatchedCalls.flux(call, () -> recorder(query));
    }

    /** A query timed by its caller: {@code failure} null for success. */
    void record(StoreQuery query, Duration elapsed, Throwable failure) {
        timer(query, failure == null ? "success" : failureOutcome(query, failure)).record(elapsed);
    }

    private <T> Consumer<Termination<T>> recorder(StoreQuery query) {
        Timer.Sample sample = Timer.start(registry);
        return termination -> sample.stop(timer(query, outcome(query, termination)));
    }

    private String outcome(StoreQuery query, Termination<?> termination) {
        return switch (termination.kind()) {
            case VALUE -> "success";
            case EMPTY -> query.lookup() ? "empty" : "success";
            case CANCELLED -> "cancelled";
            case ERROR -> failureOutcome(query, termination.error());
        };
    }

    private String failureOutcome(StoreQuery query, Throwable error) {
        if (error instanceof DomainException domain && domain.error() != DomainError.STORE_UNAVAILABLE) {
            return "rejected";
        }
        FailureReason reason = error instanceof DomainException ? FailureReason.UNAVAILABLE : FailureReason.ERROR;
        failures.get(query).get(reason).increment();
        return "error";
    }

    /**
     * Registered on its first use, then looked up in a map: building the meter id and its histogram
     * configuration for every query took about 2% of an order's CPU (JFR).
     */
    private Timer timer(StoreQuery query, String outcome) {
        return timers.get(query).computeIfAbsent(outcome, unused -> Timer.builder("db.query")
                .description("Store queries, from subscription to result")
                .tag("query", query.label())
                .tag("outcome", outcome)
                .serviceLevelObjectives(buckets)
                .register(registry));
    }
}
