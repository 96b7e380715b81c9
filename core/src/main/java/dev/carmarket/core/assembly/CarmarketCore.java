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
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.payment.PaymentProvider;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import java.util.Objects;

/**
 * The whole hexagon in plain Java: give it a store's ports, a payment provider, a clock, an id
 * source and the settings, and it exposes every use case, so a framework (or a test) wires
 * adapters without knowing the services.
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

    /**
     * @param store           the chosen store's ports
     * @param paymentProvider where checkouts are opened
     * @param timeSource      the clock every rule reads
     * @param idGenerator     ids of new orders and payments
     * @param settings        reservation time, expiry batch, quota
     */
    public CarmarketCore(StorePorts store, PaymentProvider paymentProvider, TimeSource timeSource,
            IdGenerator idGenerator, CoreSettings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(paymentProvider, "paymentProvider");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(idGenerator, "idGenerator");
        Objects.requireNonNull(settings, "settings");
        searchCars = new SearchCarsService(store.carCatalog());
        getCarDetails = new GetCarDetailsService(store.carCatalog());
        placeOrder = new PlaceOrderService(store.carCatalog(), store.orderRepository(), store.orderNumberSequence(),
                store.idempotencyStore(), store.transactionRunner(), timeSource, idGenerator, settings);
        getOrder = new GetOrderService(store.orderRepository());
        expireOrders = new ExpireOrdersService(store.orderRepository(), store.carCatalog(),
                store.transactionRunner(), timeSource, settings);
        startPayment = new StartPaymentService(store.orderRepository(), store.paymentRepository(), paymentProvider,
                store.idempotencyStore(), store.transactionRunner(), timeSource, idGenerator);
        getPayment = new GetPaymentService(store.paymentRepository());
        handlePaymentEvent = new HandlePaymentEventService(store.processedEventStore(), store.paymentRepository(),
                store.orderRepository(), store.carCatalog(), store.transactionRunner(), timeSource);
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
}
