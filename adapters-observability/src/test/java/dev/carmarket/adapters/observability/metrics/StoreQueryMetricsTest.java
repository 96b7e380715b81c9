package dev.carmarket.adapters.observability.metrics;

import static dev.carmarket.adapters.observability.metrics.Scrapes.samples;
import static dev.carmarket.adapters.observability.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestIdempotencyRecords;
import dev.carmarket.ports.testing.TestOrders;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class StoreQueryMetricsTest {

    private final PrometheusMeterRegistry registry = Scrapes.registry();

    @Test
    void a_found_car_is_a_success_with_buckets_from_milliseconds_to_seconds() {
        CarDetails car = TestCars.available();
        CarCatalog catalog = new MeteredCarCatalog(PortStubs.answering(CarCatalog.class, () -> Mono.just(car)), registry);

        StepVerifier.create(catalog.findById(car.id())).expectNext(car).verifyComplete();

        String series = "db_query_seconds_bucket{outcome=\"success\",query=\"car.find_by_id\",le=\"%s\"}";
        List<String> bounds = samples(registry).stream()
                .filter(line -> line.startsWith("db_query_seconds_bucket{outcome=\"success\",query=\"car.find_by_id\""))
                .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .toList();
        assertThat(bounds).containsExactly("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                "1.0", "2.5", "5.0", "+Inf");
        assertThat(value(registry, series.formatted("0.5"))).isEqualTo(1);
        assertThat(value(registry, series.formatted("1.0"))).isEqualTo(1);
        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"car.find_by_id\"}")).isEqualTo(1);
        assertThat(samples(registry)).anyMatch(line ->
                line.startsWith("db_query_seconds_sum{outcome=\"success\",query=\"car.find_by_id\"} "));
    }

    @Test
    void a_lookup_that_finds_nothing_is_empty_but_an_insert_that_completes_empty_is_a_success() {
        new MeteredCarCatalog(PortStubs.answering(CarCatalog.class, Mono::empty), registry)
                .findById(new CarId(UUID.randomUUID())).block();
        Order order = TestOrders.pendingFor(TestCars.available()).build();
        new MeteredOrderRepository(PortStubs.answering(OrderRepository.class, Mono::empty), registry)
                .insert(order).block();
        new MeteredIdempotencyStore(PortStubs.answering(IdempotencyStore.class, Mono::empty), registry)
                .claimOrGetExisting(TestIdempotencyRecords.record("place-order", "key-1", "f")).block();

        assertThat(value(registry, "db_query_seconds_count{outcome=\"empty\",query=\"car.find_by_id\"}")).isEqualTo(1);
        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"order.insert\"}")).isEqualTo(1);
        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"idempotency.claim\"}"))
                .isEqualTo(1);
    }

    @Test
    void an_unavailable_store_is_an_error_and_a_failure_with_reason_unavailable() {
        CarCatalog catalog = new MeteredCarCatalog(PortStubs.answering(CarCatalog.class,
                () -> Mono.error(new DomainException(DomainError.STORE_UNAVAILABLE))), registry);

        StepVerifier.create(catalog.search(SearchCriteria.defaults()))
                .verifyErrorSatisfies(error -> assertThat(((DomainException) error).error())
                        .isEqualTo(DomainError.STORE_UNAVAILABLE));

        assertThat(value(registry, "db_query_seconds_count{outcome=\"error\",query=\"car.search\"}")).isEqualTo(1);
        assertThat(value(registry, "db_failures_total{query=\"car.search\",reason=\"unavailable\"}")).isEqualTo(1);
        assertThat(value(registry, "db_failures_total{query=\"car.search\",reason=\"error\"}")).isZero();
    }

    @Test
    void an_unexpected_exception_is_a_failure_with_reason_error_even_when_the_delegate_throws_instead_of_erroring() {
        CarCatalog catalog = new MeteredCarCatalog(PortStubs.answering(CarCatalog.class, () -> {
            throw new IllegalStateException("broken mapper");
        }), registry);

        StepVerifier.create(catalog.changeStatus(null, null, null)).verifyError(IllegalStateException.class);

        assertThat(value(registry, "db_query_seconds_count{outcome=\"error\",query=\"car.change_status\"}"))
                .isEqualTo(1);
        assertThat(value(registry, "db_failures_total{query=\"car.change_status\",reason=\"error\"}")).isEqualTo(1);
    }

    @Test
    void a_domain_refusal_by_the_store_is_rejected_and_never_a_failure() {
        Order order = TestOrders.pendingFor(TestCars.available()).build();
        OrderRepository orders = new MeteredOrderRepository(PortStubs.answering(OrderRepository.class,
                () -> Mono.error(new DomainException(DomainError.CAR_NOT_AVAILABLE))), registry);

        StepVerifier.create(orders.insert(order)).verifyError(DomainException.class);

        assertThat(value(registry, "db_query_seconds_count{outcome=\"rejected\",query=\"order.insert\"}")).isEqualTo(1);
        assertThat(samples(registry)).filteredOn(line -> line.startsWith("db_failures_total{"))
                .hasSize(StoreQuery.values().length * 2)
                .allMatch(line -> line.endsWith(" 0.0"));
    }

    @Test
    void a_cancelled_query_is_recorded_once_as_cancelled() {
        OrderRepository orders = new MeteredOrderRepository(PortStubs.answering(OrderRepository.class, Mono::never),
                registry);

        orders.findById(null).subscribe().dispose();

        assertThat(value(registry, "db_query_seconds_count{outcome=\"cancelled\",query=\"order.find_by_id\"}"))
                .isEqualTo(1);
        assertThat(samples(registry)).filteredOn(line -> line.startsWith("db_query_seconds_count{"))
                .hasSize(1);
        assertThat(samples(registry)).filteredOn(line -> line.startsWith("db_failures_total{"))
                .allMatch(line -> line.endsWith(" 0.0"));
    }

    @Test
    void a_mono_cancelled_after_its_value_is_a_success() {
        CarDetails car = TestCars.available();
        CarCatalog catalog = new MeteredCarCatalog(PortStubs.answering(CarCatalog.class, () -> Mono.just(car)), registry);

        // Flux.take(1) cancels its source as soon as the first element arrives.
        StepVerifier.create(catalog.findById(car.id()).flux().take(1)).expectNext(car).verifyComplete();

        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"car.find_by_id\"}")).isEqualTo(1);
    }

    @Test
    void a_flux_query_is_a_success_with_or_without_rows_and_cancelled_when_abandoned_half_way() {
        Order order = TestOrders.pendingFor(TestCars.available()).build();
        Instant now = Instant.parse("2026-11-26T13:00:00Z");
        new MeteredOrderRepository(PortStubs.answering(OrderRepository.class, () -> Flux.just(order, order)), registry)
                .findExpiredPending(now, 10).collectList().block();
        new MeteredOrderRepository(PortStubs.answering(OrderRepository.class, Flux::empty), registry)
                .findExpiredPending(now, 10).collectList().block();
        new MeteredOrderRepository(PortStubs.answering(OrderRepository.class, () -> Flux.just(order).concatWith(Flux.never())),
                registry).findExpiredPending(now, 10).take(1).blockLast();

        assertThat(value(registry, "db_query_seconds_count{outcome=\"success\",query=\"order.find_expired\"}"))
                .isEqualTo(2);
        assertThat(value(registry, "db_query_seconds_count{outcome=\"cancelled\",query=\"order.find_expired\"}"))
                .isEqualTo(1);
    }

    @Test
    void the_timer_runs_from_subscription_to_the_result_and_the_store_is_called_only_on_subscription() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry simple = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        Sinks.One<CarDetails> result = Sinks.one();
        AtomicInteger calls = new AtomicInteger();
        CarCatalog catalog = new MeteredCarCatalog(PortStubs.answering(CarCatalog.class, result::asMono, calls), simple);

        Mono<CarDetails> query = catalog.findById(null);
        clock.add(Duration.ofSeconds(10));
        assertThat(calls).hasValue(0);

        StepVerifier.create(query)
                .then(() -> {
                    clock.add(Duration.ofMillis(40));
                    result.tryEmitValue(TestCars.available());
                })
                .expectNextCount(1)
                .verifyComplete();

        Timer timer = simple.get("db.query").tags("query", "car.find_by_id", "outcome", "success").timer();
        assertThat(calls).hasValue(1);
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
    }
}
