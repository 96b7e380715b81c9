package dev.carmarket.adapters.observability.metrics;

import static dev.carmarket.adapters.observability.metrics.Scrapes.samples;
import static dev.carmarket.adapters.observability.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.testing.TestPayments;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class UseCaseMetricsTest {

    private static final CarDetails CAR = TestCars.available();
    private static final Order ORDER = TestOrders.pendingFor(CAR).build();
    private static final Payment PAYMENT = TestPayments.pendingFor(ORDER).build();
    private static final PlaceOrderCommand PLACE_ORDER = new PlaceOrderCommand(CAR.id(), TestOrders.JANE,
            DeliveryOption.PICKUP, null, "call me on +4915112345678", new IdempotencyKey("order-key-7f3a"),
            TestOrders.CLIENT);
    private static final StartPaymentCommand START_PAYMENT = new StartPaymentCommand(ORDER.id(), PaymentMethod.CARD,
            null, new IdempotencyKey("payment-key-91bc"));

    private final PrometheusMeterRegistry registry = Scrapes.registry();

    @Test
    void order_placements_are_counted_once_each_by_outcome() {
        Map<Supplier<Mono<PlacedOrder>>, String> cases = new LinkedHashMap<>();
        cases.put(() -> Mono.just(new PlacedOrder(ORDER.view(), false)), "created");
        cases.put(() -> Mono.just(new PlacedOrder(ORDER.view(), true)), "replayed");
        cases.put(() -> failing(DomainError.CAR_NOT_AVAILABLE), "car_not_available");
        cases.put(() -> failing(DomainError.CAR_NOT_FOUND), "not_found");
        cases.put(() -> failing(DomainError.IDEMPOTENCY_KEY_REUSED), "idempotency_conflict");
        cases.put(() -> Mono.error(DomainException.invalid("notes must be at most 500 characters")), "invalid");
        cases.put(() -> failing(DomainError.STORE_UNAVAILABLE), "error");
        cases.put(() -> Mono.error(new IllegalStateException("bug")), "error");
        cases.put(() -> limited(DomainError.CUSTOMER_RESERVATION_QUOTA), "quota_exceeded");
        cases.put(() -> limited(DomainError.CLIENT_RESERVATION_QUOTA), "quota_exceeded");
        cases.put(() -> limited(DomainError.CLIENT_RESERVATION_QUOTA), "quota_exceeded");

        cases.forEach((answer, outcome) -> {
            PlaceOrderUseCase placeOrder = new MeteredPlaceOrderUseCase(command -> answer.get(), registry);
            placeOrder.placeOrder(PLACE_ORDER).onErrorResume(error -> Mono.empty()).block();
        });
        new MeteredPlaceOrderUseCase(command -> Mono.never(), registry).placeOrder(PLACE_ORDER).subscribe().dispose();

        assertThat(counts("orders_placed_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "{outcome=\"created\"}", 1.0, "{outcome=\"replayed\"}", 1.0,
                "{outcome=\"car_not_available\"}", 1.0, "{outcome=\"not_found\"}", 1.0,
                "{outcome=\"idempotency_conflict\"}", 1.0, "{outcome=\"invalid\"}", 1.0,
                "{outcome=\"quota_exceeded\"}", 3.0, "{outcome=\"error\"}", 2.0, "{outcome=\"cancelled\"}", 1.0));
        assertThat(counts("order_quota_rejections_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "{reason=\"customer\"}", 1.0, "{reason=\"client\"}", 2.0));
    }

    private static <T> Mono<T> limited(DomainError quota) {
        return Mono.error(DomainException.limited(quota, Duration.ofMinutes(12)));
    }

    @Test
    void payment_starts_are_counted_once_each_by_status() {
        Map<Supplier<Mono<StartedPayment>>, String> cases = new LinkedHashMap<>();
        cases.put(() -> Mono.just(new StartedPayment(PAYMENT, false)), "started");
        cases.put(() -> Mono.just(new StartedPayment(PAYMENT, true)), "replayed");
        cases.put(() -> failing(DomainError.ORDER_NOT_FOUND), "not_found");
        cases.put(() -> failing(DomainError.ORDER_NOT_PAYABLE), "not_payable");
        cases.put(() -> failing(DomainError.PAYMENT_ALREADY_STARTED), "already_started");
        cases.put(() -> failing(DomainError.IDEMPOTENCY_KEY_REUSED), "idempotency_conflict");
        cases.put(() -> failing(DomainError.STORE_UNAVAILABLE), "error");
        // A use case that completes without a result is a bug, not a success.
        cases.put(Mono::empty, "error");

        cases.forEach((answer, status) -> {
            StartPaymentUseCase startPayment = new MeteredStartPaymentUseCase(command -> answer.get(), registry);
            startPayment.startPayment(START_PAYMENT).onErrorResume(error -> Mono.empty()).block();
        });

        assertThat(counts("payments_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "{status=\"started\"}", 1.0, "{status=\"replayed\"}", 1.0, "{status=\"not_found\"}", 1.0,
                "{status=\"not_payable\"}", 1.0, "{status=\"already_started\"}", 1.0,
                "{status=\"idempotency_conflict\"}", 1.0, "{status=\"invalid\"}", 0.0, "{status=\"error\"}", 2.0,
                "{status=\"cancelled\"}", 0.0));
    }

    @Test
    void webhooks_are_counted_by_event_type_and_outcome_with_every_series_present_from_the_start() {
        HandlePaymentEventUseCase succeeded = new MeteredHandlePaymentEventUseCase(
                event -> Mono.just(PaymentEventOutcome.LATE_CAPTURE), registry);
        HandlePaymentEventUseCase failed = new MeteredHandlePaymentEventUseCase(
                event -> failing(DomainError.PAYMENT_EVENT_MISMATCH), registry);

        succeeded.handle(event(PaymentEventType.SUCCEEDED)).block();
        failed.handle(event(PaymentEventType.FAILED)).onErrorResume(error -> Mono.empty()).block();

        Map<String, Double> counts = counts("payment_webhooks_total");
        assertThat(counts).hasSize(2 * 9);
        for (String type : List.of("succeeded", "failed")) {
            for (String outcome : List.of("applied", "duplicate", "ignored", "late_capture", "mismatch", "not_found",
                    "invalid", "error", "cancelled")) {
                assertThat(counts).containsKey("{outcome=\"" + outcome + "\",type=\"" + type + "\"}");
            }
        }
        assertThat(value(registry, "payment_webhooks_total{outcome=\"late_capture\",type=\"succeeded\"}")).isEqualTo(1);
        assertThat(value(registry, "payment_webhooks_total{outcome=\"mismatch\",type=\"failed\"}")).isEqualTo(1);
        assertThat(counts.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2);
    }

    @Test
    void every_handling_outcome_has_its_own_label() {
        for (PaymentEventOutcome outcome : PaymentEventOutcome.values()) {
            new MeteredHandlePaymentEventUseCase(event -> Mono.just(outcome), registry)
                    .handle(event(PaymentEventType.SUCCEEDED)).block();
        }

        assertThat(value(registry, "payment_webhooks_total{outcome=\"applied\",type=\"succeeded\"}")).isEqualTo(1);
        assertThat(value(registry, "payment_webhooks_total{outcome=\"duplicate\",type=\"succeeded\"}")).isEqualTo(1);
        assertThat(value(registry, "payment_webhooks_total{outcome=\"ignored\",type=\"succeeded\"}")).isEqualTo(1);
        assertThat(value(registry, "payment_webhooks_total{outcome=\"late_capture\",type=\"succeeded\"}")).isEqualTo(1);
        assertThat(value(registry, "payment_webhooks_total{outcome=\"error\",type=\"succeeded\"}")).isZero();
    }

    @Test
    void no_id_key_or_contact_data_of_a_request_reaches_a_label() {
        PaymentEvent event = event(PaymentEventType.SUCCEEDED);
        new MeteredPlaceOrderUseCase(command -> Mono.just(new PlacedOrder(ORDER.view(), false)), registry)
                .placeOrder(PLACE_ORDER).block();
        new MeteredStartPaymentUseCase(command -> Mono.just(new StartedPayment(PAYMENT, false)), registry)
                .startPayment(START_PAYMENT).block();
        new MeteredHandlePaymentEventUseCase(ignored -> Mono.just(PaymentEventOutcome.APPLIED), registry)
                .handle(event).block();

        String scrape = registry.scrape();
        for (String secret : List.of(CAR.id().toString(), ORDER.id().toString(), PAYMENT.id().toString(),
                ORDER.number().value(), "jane", "example.com", "4915112345678", "order-key-7f3a", "payment-key-91bc",
                event.eventId(), event.providerReference())) {
            assertThat(scrape).doesNotContain(secret);
        }
    }

    private Map<String, Double> counts(String metric) {
        Map<String, Double> counts = new LinkedHashMap<>();
        samples(registry).stream().filter(line -> line.startsWith(metric + "{")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            counts.put(line.substring(metric.length(), space), Double.parseDouble(line.substring(space + 1)));
        });
        return counts;
    }

    private static <T> Mono<T> failing(DomainError error) {
        return Mono.error(new DomainException(error));
    }

    private static PaymentEvent event(PaymentEventType type) {
        return new PaymentEvent("evt_5d1e88", type, PAYMENT.providerReference(), Money.of("18990.00", "EUR"),
                Instant.parse("2026-11-26T12:10:00Z"));
    }
}
