package dev.carmarket.core.assembly;

import dev.carmarket.core.car.GetCarDetailsService;
import dev.carmarket.core.car.SearchCarsService;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.order.ExpireOrdersService;
import dev.carmarket.core.order.GetOrderService;
import dev.carmarket.core.order.PlaceOrderService;
import dev.carmarket.core.payment.GetPaymentService;
import dev.carmarket.core.payment.HandlePaymentEventService;
import dev.carmarket.core.payment.StartPaymentService;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.ExpireOrdersUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentProvider;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole hexagon in plain Java: give it every outbound port and it exposes every use
 * case, so a framework (or a test) wires adapters without knowing the services.
 */
public final class CarmarketCore {

    private final SearchCarsUseCase searchCars;
    private final GetCarDetailsUseCase getCarDetails;
    private final PlaceOrderUseCase placeOrder;
    private final GetOrderUseCase getOrder;
    private final ExpireOrdersUseCase expireOrders;
    private final StartPaymentUseCase startPayment;
    private final GetPaymentUseCase getPayment;
    private final HandlePaymentEventUseCase handlePaymentEvent;

    private CarmarketCore(Builder ports) {
        searchCars = new SearchCarsService(ports.carCatalog);
        getCarDetails = new GetCarDetailsService(ports.carCatalog);
        placeOrder = new PlaceOrderService(ports.carCatalog, ports.orderRepository, ports.orderNumberSequence,
                ports.idempotencyStore, ports.transactionRunner, ports.timeSource, ports.idGenerator,
                ports.settings);
        getOrder = new GetOrderService(ports.orderRepository);
        expireOrders = new ExpireOrdersService(ports.orderRepository, ports.carCatalog, ports.transactionRunner,
                ports.timeSource, ports.settings);
        startPayment = new StartPaymentService(ports.orderRepository, ports.paymentRepository,
                ports.paymentProvider, ports.idempotencyStore, ports.transactionRunner, ports.timeSource,
                ports.idGenerator);
        getPayment = new GetPaymentService(ports.paymentRepository);
        handlePaymentEvent = new HandlePaymentEventService(ports.processedEventStore, ports.paymentRepository,
                ports.orderRepository, ports.carCatalog, ports.transactionRunner, ports.timeSource);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SearchCarsUseCase searchCars() {
        return searchCars;
    }

    public GetCarDetailsUseCase getCarDetails() {
        return getCarDetails;
    }

    public PlaceOrderUseCase placeOrder() {
        return placeOrder;
    }

    public GetOrderUseCase getOrder() {
        return getOrder;
    }

    public ExpireOrdersUseCase expireOrders() {
        return expireOrders;
    }

    public StartPaymentUseCase startPayment() {
        return startPayment;
    }

    public GetPaymentUseCase getPayment() {
        return getPayment;
    }

    public HandlePaymentEventUseCase handlePaymentEvent() {
        return handlePaymentEvent;
    }

    /** Every port is required; the settings default to {@link CoreSettings#defaults()}. */
    public static final class Builder {

        private CarCatalog carCatalog;
        private OrderRepository orderRepository;
        private OrderNumberSequence orderNumberSequence;
        private PaymentRepository paymentRepository;
        private PaymentProvider paymentProvider;
        private ProcessedEventStore processedEventStore;
        private IdempotencyStore idempotencyStore;
        private TransactionRunner transactionRunner;
        private TimeSource timeSource;
        private IdGenerator idGenerator;
        private CoreSettings settings = CoreSettings.defaults();

        private Builder() {
        }

        public Builder carCatalog(CarCatalog carCatalog) {
            this.carCatalog = carCatalog;
            return this;
        }

        public Builder orderRepository(OrderRepository orderRepository) {
            this.orderRepository = orderRepository;
            return this;
        }

        public Builder orderNumberSequence(OrderNumberSequence orderNumberSequence) {
            this.orderNumberSequence = orderNumberSequence;
            return this;
        }

        public Builder paymentRepository(PaymentRepository paymentRepository) {
            this.paymentRepository = paymentRepository;
            return this;
        }

        public Builder paymentProvider(PaymentProvider paymentProvider) {
            this.paymentProvider = paymentProvider;
            return this;
        }

        public Builder processedEventStore(ProcessedEventStore processedEventStore) {
            this.processedEventStore = processedEventStore;
            return this;
        }

        public Builder idempotencyStore(IdempotencyStore idempotencyStore) {
            this.idempotencyStore = idempotencyStore;
            return this;
        }

        public Builder transactionRunner(TransactionRunner transactionRunner) {
            this.transactionRunner = transactionRunner;
            return this;
        }

        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = timeSource;
            return this;
        }

        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = idGenerator;
            return this;
        }

        public Builder settings(CoreSettings settings) {
            this.settings = settings;
            return this;
        }

        /** @throws IllegalStateException naming every port (or the settings) not given */
        public CarmarketCore build() {
            List<String> missing = new ArrayList<>();
            requirePresent(missing, "carCatalog", carCatalog);
            requirePresent(missing, "orderRepository", orderRepository);
            requirePresent(missing, "orderNumberSequence", orderNumberSequence);
            requirePresent(missing, "paymentRepository", paymentRepository);
            requirePresent(missing, "paymentProvider", paymentProvider);
            requirePresent(missing, "processedEventStore", processedEventStore);
            requirePresent(missing, "idempotencyStore", idempotencyStore);
            requirePresent(missing, "transactionRunner", transactionRunner);
            requirePresent(missing, "timeSource", timeSource);
            requirePresent(missing, "idGenerator", idGenerator);
            requirePresent(missing, "settings", settings);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CarmarketCore needs " + String.join(", ", missing));
            }
            return new CarmarketCore(this);
        }

        private static void requirePresent(List<String> missing, String name, Object port) {
            if (port == null) {
                missing.add(name);
            }
        }
    }
}
