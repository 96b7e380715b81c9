package dev.carmarket.ports.out;

import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.Objects;

/**
 * Every outbound port a store provides, as one value: each store module (PostgreSQL, in memory)
 * returns it, the core takes it, and decorators wrap it as a whole. A new store port is added here,
 * to {@link Decorator}, and to each store.
 */
public record StorePorts(
        CarCatalog carCatalog,
        OrderRepository orderRepository,
        OrderNumberSequence orderNumberSequence,
        PaymentRepository paymentRepository,
        ProcessedEventStore processedEventStore,
        IdempotencyStore idempotencyStore,
        TransactionRunner transactionRunner) {

    public StorePorts {
        Objects.requireNonNull(carCatalog, "carCatalog");
        Objects.requireNonNull(orderRepository, "orderRepository");
        Objects.requireNonNull(orderNumberSequence, "orderNumberSequence");
        Objects.requireNonNull(paymentRepository, "paymentRepository");
        Objects.requireNonNull(processedEventStore, "processedEventStore");
        Objects.requireNonNull(idempotencyStore, "idempotencyStore");
        Objects.requireNonNull(transactionRunner, "transactionRunner");
    }

    /** The same store with some ports replaced by what {@code decorator} makes of them. */
    public StorePorts decorate(Decorator decorator) {
        return new StorePorts(
                decorator.carCatalog(carCatalog),
                decorator.orderRepository(orderRepository),
                decorator.orderNumberSequence(orderNumberSequence),
                decorator.paymentRepository(paymentRepository),
                decorator.processedEventStore(processedEventStore),
                decorator.idempotencyStore(idempotencyStore),
                decorator.transactionRunner(transactionRunner));
    }

    /**
     * Wraps (or replaces) ports one by one: metrics around every query port, a failing double for one
     * port in a test. Each method returns its port unchanged unless overridden.
     */
    public interface Decorator {

        default CarCatalog carCatalog(CarCatalog port) {
            return port;
        }

        default OrderRepository orderRepository(OrderRepository port) {
            return port;
        }

        default OrderNumberSequence orderNumberSequence(OrderNumberSequence port) {
            return port;
        }

        default PaymentRepository paymentRepository(PaymentRepository port) {
            return port;
        }

        default ProcessedEventStore processedEventStore(ProcessedEventStore port) {
            return port;
        }

        default IdempotencyStore idempotencyStore(IdempotencyStore port) {
            return port;
        }

        default TransactionRunner transactionRunner(TransactionRunner port) {
            return port;
        }
    }
}
