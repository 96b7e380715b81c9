package dev.carmarket.adapters.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every store method of every outbound port is timed under the query name the ops rules and dashboards use. */
class MeteredStorePortsTest {

    /** The names ops relies on, written out here rather than read from {@link StoreQuery}. */
    private static final Map<String, String> QUERY_OF_METHOD = Map.ofEntries(
            Map.entry("CarCatalog.search", "car.search"),
            Map.entry("CarCatalog.findById", "car.find_by_id"),
            Map.entry("CarCatalog.changeStatus", "car.change_status"),
            Map.entry("CarCatalog.changeStatusReturningPrice", "car.change_status"),
            Map.entry("CarBulkLoader.load", "car.bulk_load"),
            Map.entry("CarBulkLoader.count", "car.count"),
            Map.entry("OrderRepository.insert", "order.insert"),
            Map.entry("OrderRepository.findById", "order.find_by_id"),
            Map.entry("OrderRepository.changeStatus", "order.change_status"),
            Map.entry("OrderRepository.findExpiredPending", "order.find_expired"),
            Map.entry("OrderRepository.lockAndCountActive", "order.count_active"),
            Map.entry("OrderNumberSequence.next", "order.next_number"),
            Map.entry("PaymentRepository.insert", "payment.insert"),
            Map.entry("PaymentRepository.findById", "payment.find_by_id"),
            Map.entry("PaymentRepository.findByProviderReference", "payment.find_by_provider_reference"),
            Map.entry("PaymentRepository.hasActivePayment", "payment.has_active"),
            Map.entry("PaymentRepository.changeStatus", "payment.change_status"),
            Map.entry("ProcessedEventStore.markProcessed", "event.mark_processed"),
            Map.entry("IdempotencyStore.claimOrGetExisting", "idempotency.claim"));

    private record Decorated<P>(Class<P> port, BiFunction<P, MeterRegistry, P> decorator) {
    }

    private static final List<Decorated<?>> DECORATORS = List.of(
            new Decorated<>(CarCatalog.class, MeteredCarCatalog::new),
            new Decorated<>(CarBulkLoader.class, MeteredCarBulkLoader::new),
            new Decorated<>(OrderRepository.class, MeteredOrderRepository::new),
            new Decorated<>(OrderNumberSequence.class, MeteredOrderNumberSequence::new),
            new Decorated<>(PaymentRepository.class, MeteredPaymentRepository::new),
            new Decorated<>(ProcessedEventStore.class, MeteredProcessedEventStore::new),
            new Decorated<>(IdempotencyStore.class, MeteredIdempotencyStore::new));

    @Test
    void every_method_calls_its_delegate_once_and_is_timed_under_its_fixed_query_name() throws Exception {
        Map<String, String> timed = new HashMap<>();
        for (Decorated<?> decorated : DECORATORS) {
            for (Method method : decorated.port().getMethods()) {
                timed.put(decorated.port().getSimpleName() + "." + method.getName(), callAndReadQuery(decorated, method));
            }
        }
        assertThat(timed).isEqualTo(QUERY_OF_METHOD);
    }

    private static <P> String callAndReadQuery(Decorated<P> decorated, Method method) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger calls = new AtomicInteger();
        P delegate = PortStubs.answering(decorated.port(), () -> Mono.just(1L), calls);
        P metered = decorated.decorator().apply(delegate, registry);

        Object result = method.invoke(metered, Arrays.stream(method.getParameterTypes())
                .map(type -> type == int.class ? (Object) 1 : null).toArray());
        (result instanceof Flux<?> flux ? flux.then() : Mono.from((Publisher<?>) result)).block();

        List<Timer> timers = List.copyOf(registry.find("db.query").timers());
        assertThat(timers).as(method.toString()).hasSize(1);
        assertThat(timers.get(0).count()).isEqualTo(1);
        assertThat(calls).as(method.toString()).hasValue(1);
        return timers.get(0).getId().getTag("query");
    }
}
