package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.scheduling.OrderExpiryScheduler;
import dev.carmarket.bootstrap.store.StoreAdapters;
import dev.carmarket.adapters.observability.metrics.MeteredHandlePaymentEventUseCase;
import dev.carmarket.adapters.observability.metrics.MeteredPlaceOrderUseCase;
import dev.carmarket.adapters.observability.metrics.MeteredStartPaymentUseCase;
import dev.carmarket.adapters.sandbox.SandboxPaymentProvider;
import dev.carmarket.adapters.system.RandomIdGenerator;
import dev.carmarket.adapters.system.SystemTimeSource;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.ExpireOrdersUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hexagon: the core assembled from the chosen store, and each use case as a bean for the web adapter;
 * placing orders, starting payments and taking webhooks are counted ({@code orders_placed_total},
 * {@code payments_total}, {@code payment_webhooks_total}).
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    TimeSource timeSource() {
        return new SystemTimeSource();
    }

    @Bean
    IdGenerator idGenerator() {
        return new RandomIdGenerator();
    }

    /** The sandbox provider until a real PSP adapter exists; its webhooks are signed with PAYMENT_WEBHOOK_SECRET. */
    @Bean
    SandboxPaymentProvider paymentProvider(IdGenerator idGenerator) {
        return new SandboxPaymentProvider(idGenerator);
    }

    @Bean
    CarmarketCore carmarketCore(StoreAdapters store, SandboxPaymentProvider paymentProvider, TimeSource timeSource,
            IdGenerator idGenerator, CarmarketSettings settings) {
        return new CarmarketCore(store.ports(), paymentProvider, timeSource, idGenerator,
                new CoreSettings(settings.orders().ttl(), CoreSettings.DEFAULT_EXPIRY_BATCH_SIZE,
                        settings.orders().quota()));
    }

    @Bean
    SearchCarsUseCase searchCarsUseCase(CarmarketCore core) {
        return core.searchCars();
    }

    @Bean
    GetCarDetailsUseCase getCarDetailsUseCase(CarmarketCore core) {
        return core.getCarDetails();
    }

    @Bean
    PlaceOrderUseCase placeOrderUseCase(CarmarketCore core, MeterRegistry registry) {
        return new MeteredPlaceOrderUseCase(core.placeOrder(), registry);
    }

    @Bean
    GetOrderUseCase getOrderUseCase(CarmarketCore core) {
        return core.getOrder();
    }

    @Bean
    ExpireOrdersUseCase expireOrdersUseCase(CarmarketCore core) {
        return core.expireOrders();
    }

    @Bean
    StartPaymentUseCase startPaymentUseCase(CarmarketCore core, MeterRegistry registry) {
        return new MeteredStartPaymentUseCase(core.startPayment(), registry);
    }

    @Bean
    GetPaymentUseCase getPaymentUseCase(CarmarketCore core) {
        return core.getPayment();
    }

    @Bean
    HandlePaymentEventUseCase handlePaymentEventUseCase(CarmarketCore core, MeterRegistry registry) {
        return new MeteredHandlePaymentEventUseCase(core.handlePaymentEvent(), registry);
    }

    @Bean
    OrderExpiryScheduler orderExpiryScheduler(ExpireOrdersUseCase expireOrders, CarmarketSettings settings) {
        return new OrderExpiryScheduler(expireOrders, settings.orders().expiryInterval());
    }
}
