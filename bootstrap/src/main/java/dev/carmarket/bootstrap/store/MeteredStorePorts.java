package dev.carmarket.bootstrap.store;

import dev.carmarket.adapters.observability.metrics.MeteredCarCatalog;
import dev.carmarket.adapters.observability.metrics.MeteredIdempotencyStore;
import dev.carmarket.adapters.observability.metrics.MeteredOrderNumberSequence;
import dev.carmarket.adapters.observability.metrics.MeteredOrderRepository;
import dev.carmarket.adapters.observability.metrics.MeteredPaymentRepository;
import dev.carmarket.adapters.observability.metrics.MeteredProcessedEventStore;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Each query port of the store in its {@code Metered*} decorator: every query the core makes is
 * timed as {@code db_query_seconds{query,outcome}} and its failures counted as
 * {@code db_failures_total{query,reason}}. The transaction runner stays as it is. (The bulk loader
 * is not among the store's ports: only the {@code --seed} command uses it, a short process that
 * nothing scrapes.)
 */
public final class MeteredStorePorts implements StorePorts.Decorator {

    private final MeterRegistry registry;

    public MeteredStorePorts(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CarCatalog carCatalog(CarCatalog port) {
        return new MeteredCarCatalog(port, registry);
    }

    @Override
    public OrderRepository orderRepository(OrderRepository port) {
        return new MeteredOrderRepository(port, registry);
    }

    @Override
    public OrderNumberSequence orderNumberSequence(OrderNumberSequence port) {
        return new MeteredOrderNumberSequence(port, registry);
    }

    @Override
    public PaymentRepository paymentRepository(PaymentRepository port) {
        return new MeteredPaymentRepository(port, registry);
    }

    @Override
    public ProcessedEventStore processedEventStore(ProcessedEventStore port) {
        return new MeteredProcessedEventStore(port, registry);
    }

    @Override
    public IdempotencyStore idempotencyStore(IdempotencyStore port) {
        return new MeteredIdempotencyStore(port, registry);
    }
}
