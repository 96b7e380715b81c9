package dev.carmarket.adapters.web.support;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.inmemory.system.ManualTimeSource;
import dev.carmarket.adapters.web.StrictValidationPolicy;
import dev.carmarket.adapters.web.WebAdapterConfiguration;
import dev.carmarket.adapters.web.WebSettings;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The web adapter as production runs it, on a real Reactor Netty server (so BlockHound watches
 * event-loop threads), wired to the real core on in-memory adapters. Use-case beans can be
 * replaced by doubles for failure paths. Close it after use.
 */
public final class WebAdapterHarness implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final AnnotationConfigApplicationContext context;
    private final DisposableServer server;
    private final WebTestClient client;
    private final InMemoryAdapters adapters;

    private WebAdapterHarness(Builder builder) {
        adapters = InMemoryAdapters.builder()
                .timeSource(new ManualTimeSource(NOW))
                .cars(builder.cars.stream())
                .build();
        CarmarketCore core = CarmarketCore.builder()
                .carCatalog(adapters.carCatalog())
                .orderRepository(adapters.orderRepository())
                .orderNumberSequence(adapters.orderNumberSequence())
                .paymentRepository(adapters.paymentRepository())
                .paymentProvider(adapters.paymentProvider())
                .processedEventStore(adapters.processedEventStore())
                .idempotencyStore(adapters.idempotencyStore())
                .transactionRunner(adapters.transactionRunner())
                .timeSource(adapters.timeSource())
                .idGenerator(adapters.idGenerator())
                .build();
        WebSettings settings = new WebSettings(StrictValidationPolicy.parse(builder.strictValidation), WEBHOOK_SECRET,
                WebSettings.DEFAULT_WEBHOOK_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));

        context = new AnnotationConfigApplicationContext();
        context.register(WebFluxInfrastructure.class, WebAdapterConfiguration.class);
        register(builder, SearchCarsUseCase.class, core::searchCars);
        register(builder, GetCarDetailsUseCase.class, core::getCarDetails);
        register(builder, PlaceOrderUseCase.class, core::placeOrder);
        register(builder, GetOrderUseCase.class, core::getOrder);
        register(builder, StartPaymentUseCase.class, core::startPayment);
        register(builder, GetPaymentUseCase.class, core::getPayment);
        register(builder, HandlePaymentEventUseCase.class, core::handlePaymentEvent);
        context.registerBean(WebSettings.class, () -> settings);
        if (builder.unknownPropertyListener != null) {
            context.registerBean(UnknownPropertyListener.class, () -> builder.unknownPropertyListener);
        }
        context.refresh();

        HttpHandler httpHandler = WebHttpHandlerBuilder.applicationContext(context).build();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(httpHandler))
                .bindNow();
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + server.port())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** WebFlux's DispatcherHandler and codecs, as Spring Boot's auto-configuration provides them. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class WebFluxInfrastructure {
    }

    @SuppressWarnings("unchecked")
    private <T> void register(Builder builder, Class<T> type, Supplier<T> real) {
        T bean = builder.overrides.containsKey(type) ? (T) builder.overrides.get(type) : real.get();
        context.registerBean(type, () -> bean);
    }

    public static Builder builder() {
        return new Builder();
    }

    public WebTestClient client() {
        return client;
    }

    /** The stores behind the core, for checking what a request changed. */
    public InMemoryAdapters adapters() {
        return adapters;
    }

    @Override
    public void close() {
        server.disposeNow();
        context.close();
    }

    public static final class Builder {

        private final List<CarDetails> cars = new ArrayList<>();
        private final Map<Class<?>, Object> overrides = new LinkedHashMap<>();
        private String strictValidation;
        private UnknownPropertyListener unknownPropertyListener;

        private Builder() {
        }

        public Builder cars(CarDetails... more) {
            cars.addAll(List.of(more));
            return this;
        }

        /** Cars number 1 to {@code count}, each made by {@code carNumber}. */
        public Builder cars(int count, IntFunction<CarDetails> carNumber) {
            IntStream.rangeClosed(1, count).mapToObj(carNumber).forEach(cars::add);
            return this;
        }

        /** A {@code STRICT_VALIDATION} value; default: every route enforced. */
        public Builder strictValidation(String spec) {
            this.strictValidation = spec;
            return this;
        }

        public Builder unknownPropertyListener(UnknownPropertyListener listener) {
            this.unknownPropertyListener = listener;
            return this;
        }

        /** Serves {@code type} with a double instead of the real core service. */
        public <T> Builder override(Class<T> type, T useCase) {
            overrides.put(type, useCase);
            return this;
        }

        public WebAdapterHarness start() {
            return new WebAdapterHarness(this);
        }
    }
}
