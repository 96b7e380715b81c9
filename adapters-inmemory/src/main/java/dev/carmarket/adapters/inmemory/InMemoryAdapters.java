package dev.carmarket.adapters.inmemory;

import dev.carmarket.adapters.inmemory.car.InMemoryCarCatalog;
import dev.carmarket.adapters.inmemory.demo.DemoCarGenerator;
import dev.carmarket.adapters.inmemory.idempotency.InMemoryIdempotencyStore;
import dev.carmarket.adapters.inmemory.order.InMemoryOrderNumberSequence;
import dev.carmarket.adapters.inmemory.order.InMemoryOrderRepository;
import dev.carmarket.adapters.inmemory.payment.InMemoryPaymentRepository;
import dev.carmarket.adapters.inmemory.payment.InMemoryProcessedEventStore;
import dev.carmarket.adapters.inmemory.payment.SandboxPaymentProvider;
import dev.carmarket.adapters.inmemory.system.RandomIdGenerator;
import dev.carmarket.adapters.inmemory.system.SystemTimeSource;
import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every outbound port, in memory, sharing one store: what one port writes the others see, and the
 * {@link #transactionRunner()} spans all of them. Build a fresh instance per test.
 */
public final class InMemoryAdapters {

    private final InMemoryTransactionRunner transactionRunner = new InMemoryTransactionRunner();
    private final InMemoryCarCatalog carCatalog;
    private final InMemoryOrderRepository orderRepository = new InMemoryOrderRepository(transactionRunner);
    private final InMemoryOrderNumberSequence orderNumberSequence = new InMemoryOrderNumberSequence();
    private final InMemoryPaymentRepository paymentRepository = new InMemoryPaymentRepository(transactionRunner);
    private final InMemoryProcessedEventStore processedEventStore = new InMemoryProcessedEventStore(transactionRunner);
    private final InMemoryIdempotencyStore idempotencyStore = new InMemoryIdempotencyStore(transactionRunner);
    private final TimeSource timeSource;
    private final IdGenerator idGenerator;
    private final SandboxPaymentProvider paymentProvider;

    private InMemoryAdapters(Builder builder) {
        carCatalog = new InMemoryCarCatalog(transactionRunner, builder.cars);
        timeSource = builder.timeSource;
        // created only when needed: seeding it reads the entropy source
        idGenerator = builder.idGenerator != null ? builder.idGenerator : new RandomIdGenerator();
        paymentProvider = new SandboxPaymentProvider(idGenerator);
    }

    /** No cars, the system clock, random ids. */
    public static InMemoryAdapters empty() {
        return builder().build();
    }

    /** {@code carCount} demo cars from {@link DemoCarGenerator#DEFAULT_SEED}, the system clock, random ids. */
    public static InMemoryAdapters withDemoData(int carCount) {
        return builder().cars(new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(carCount)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public CarCatalog carCatalog() {
        return carCatalog;
    }

    public CarBulkLoader carBulkLoader() {
        return carCatalog;
    }

    public OrderRepository orderRepository() {
        return orderRepository;
    }

    public OrderNumberSequence orderNumberSequence() {
        return orderNumberSequence;
    }

    public PaymentRepository paymentRepository() {
        return paymentRepository;
    }

    public ProcessedEventStore processedEventStore() {
        return processedEventStore;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotencyStore;
    }

    public TransactionRunner transactionRunner() {
        return transactionRunner;
    }

    public TimeSource timeSource() {
        return timeSource;
    }

    public IdGenerator idGenerator() {
        return idGenerator;
    }

    /** The sandbox provider; its event ids come from {@link #idGenerator()}. */
    public SandboxPaymentProvider paymentProvider() {
        return paymentProvider;
    }

    /** Chooses the clock, the id source and the initial cars; everything else starts empty. */
    public static final class Builder {

        private TimeSource timeSource = new SystemTimeSource();
        private IdGenerator idGenerator;
        private Stream<CarDetails> cars = Stream.empty();

        private Builder() {
        }

        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
            return this;
        }

        /** Cars present from the start (consumed once, by {@link #build()}). */
        public Builder cars(Stream<CarDetails> cars) {
            this.cars = Objects.requireNonNull(cars, "cars");
            return this;
        }

        public InMemoryAdapters build() {
            return new InMemoryAdapters(this);
        }
    }
}
