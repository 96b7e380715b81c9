package dev.carmarket.adapters.web.support;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.sandbox.SandboxPaymentProvider;
import dev.carmarket.adapters.system.RandomIdGenerator;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.WebAdapterConfiguration;
import dev.carmarket.adapters.web.WebSettings;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReadinessProbe;
import dev.carmarket.adapters.web.health.ReadinessReport;
import dev.carmarket.adapters.web.health.ServiceRelease;
import dev.carmarket.adapters.web.health.ShutdownDeadline;
import dev.carmarket.adapters.web.http.UnhandledFailureListener;
import dev.carmarket.adapters.web.ratelimit.RateLimitListener;
import dev.carmarket.adapters.web.ratelimit.RateLimits;
import dev.carmarket.adapters.web.security.SecuritySettings;
import dev.carmarket.adapters.web.security.TrustedProxies;
import dev.carmarket.core.assembly.CarmarketCore;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.system.IdGenerator;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
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
    public static final String ALLOWED_ORIGIN = "https://shop.example";
    public static final String INTERNAL_TOKEN = "internal-token-for-tests-0123456789abcdef";
    public static final ServiceRelease RELEASE = new ServiceRelease("1.2.3-test");

    private final AnnotationConfigApplicationContext context;
    private final DisposableServer server;
    private final WebTestClient client;
    private final StorePorts stores;

    private WebAdapterHarness(Builder builder) {
        stores = InMemoryAdapters.withCars(builder.cars.stream()).ports();
        IdGenerator ids = new RandomIdGenerator();
        CarmarketCore core = new CarmarketCore(stores, new SandboxPaymentProvider(ids), new ManualTimeSource(NOW), ids,
                CoreSettings.defaults().withReservationQuota(builder.reservationQuota));
        WebSettings settings = new WebSettings(StrictValidationPolicy.parse(builder.strictValidation), WEBHOOK_SECRET,
                WebSettings.DEFAULT_WEBHOOK_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC), builder.rateLimits);

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
        context.registerBean(SecuritySettings.class, () -> builder.security);
        context.registerBean(ReadinessProbe.class, () -> builder.readinessProbe);
        context.registerBean(ServiceRelease.class, () -> RELEASE);
        builder.extraRoutes.forEach(routes -> context.registerBean(RouterFunction.class, () -> routes));
        if (builder.unknownPropertyListener != null) {
            context.registerBean(UnknownPropertyListener.class, () -> builder.unknownPropertyListener);
        }
        if (builder.rateLimitListener != null) {
            context.registerBean(RateLimitListener.class, () -> builder.rateLimitListener);
        }
        if (builder.unhandledFailureListener != null) {
            context.registerBean(UnhandledFailureListener.class, () -> builder.unhandledFailureListener);
        }
        context.refresh();

        HttpHandler httpHandler = WebHttpHandlerBuilder.applicationContext(context).build();
        HttpServer http = HttpServer.create().host("127.0.0.1").port(0);
        // As Spring Boot applies them: the adapter's envelope for the HTTP decoder's own 400/414/431.
        for (NettyServerCustomizer customizer : context.getBeansOfType(NettyServerCustomizer.class).values()) {
            http = customizer.apply(http);
        }
        server = http.handle(new ReactorHttpHandlerAdapter(httpHandler)).bindNow();
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

    /** {@code http://127.0.0.1:<port>}, for requests whose raw path the client must not normalize. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The stores behind the core, for checking what a request changed. */
    public StorePorts stores() {
        return stores;
    }

    /** Every router function the adapter serves (its own and {@link Builder#routes} stand-ins). */
    public List<RouterFunction<?>> routers() {
        return context.getBeansOfType(RouterFunction.class).values().stream()
                .<RouterFunction<?>>map(router -> router).toList();
    }

    /** The adapter's shutdown deadline, for tests that play the application's shutdown. */
    public ShutdownDeadline shutdownDeadline() {
        return context.getBean(ShutdownDeadline.class);
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
        private UnhandledFailureListener unhandledFailureListener;
        private ReadinessProbe readinessProbe =
                () -> Mono.just(ReadinessReport.of(ReadinessCheck.up("store", "in-memory")));
        private SecuritySettings security = new SecuritySettings(Set.of(ALLOWED_ORIGIN), TrustedProxies.none(),
                Optional.of(INTERNAL_TOKEN), false);
        private final List<RouterFunction<ServerResponse>> extraRoutes = new ArrayList<>();
        private Optional<RateLimits> rateLimits = Optional.empty();
        private RateLimitListener rateLimitListener;
        private Optional<ReservationQuota> reservationQuota = Optional.empty();

        private Builder() {
        }

        /** Default: off, so that a test of something else is never refused for its pace. */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = Optional.of(limits);
            return this;
        }

        public Builder rateLimitListener(RateLimitListener listener) {
            this.rateLimitListener = listener;
            return this;
        }

        /** Default: off, so that a test may place any number of orders as one customer. */
        public Builder reservationQuota(ReservationQuota quota) {
            this.reservationQuota = Optional.of(quota);
            return this;
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

        public Builder unhandledFailureListener(UnhandledFailureListener listener) {
            this.unhandledFailureListener = listener;
            return this;
        }

        /** Default: always ready, reporting the in-memory store. */
        public Builder readinessProbe(ReadinessProbe probe) {
            this.readinessProbe = probe;
            return this;
        }

        /** Serves {@code type} with a double instead of the real core service. */
        public <T> Builder override(Class<T> type, T useCase) {
            overrides.put(type, useCase);
            return this;
        }

        /** Default: {@link #ALLOWED_ORIGIN}, no trusted proxy, {@link #INTERNAL_TOKEN}, no loopback exemption. */
        public Builder security(SecuritySettings settings) {
            this.security = settings;
            return this;
        }

        /** Serves more routes next to the adapter's own (stand-ins for endpoints other modules add). */
        public Builder routes(RouterFunction<ServerResponse> routes) {
            extraRoutes.add(routes);
            return this;
        }

        public WebAdapterHarness start() {
            return new WebAdapterHarness(this);
        }
    }
}
