package dev.carmarket.adapters.web;

import dev.carmarket.adapters.web.body.JsonBodyReaders;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import dev.carmarket.adapters.web.car.CarHandler;
import dev.carmarket.adapters.web.health.ConnectionDrain;
import dev.carmarket.adapters.web.health.ConnectionDrainFilter;
import dev.carmarket.adapters.web.health.HealthHandler;
import dev.carmarket.adapters.web.health.ReadinessProbe;
import dev.carmarket.adapters.web.health.ServiceRelease;
import dev.carmarket.adapters.web.health.ShutdownDeadline;
import dev.carmarket.adapters.web.health.ShutdownDeadlineFilter;
import dev.carmarket.adapters.web.http.AccessLogFilter;
import dev.carmarket.adapters.web.http.BodySizeLimitFilter;
import dev.carmarket.adapters.web.http.DecoderRejectionEnvelope;
import dev.carmarket.adapters.web.http.ErrorEnvelopeExceptionHandler;
import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.http.RequestIdFilter;
import dev.carmarket.adapters.web.http.UnhandledFailureListener;
import dev.carmarket.adapters.web.http.WebJson;
import dev.carmarket.adapters.web.order.OrderHandler;
import dev.carmarket.adapters.web.payment.PaymentHandler;
import dev.carmarket.adapters.web.payment.PaymentWebhookHandler;
import dev.carmarket.adapters.web.payment.WebhookSignatureVerifier;
import dev.carmarket.adapters.web.ratelimit.RateLimitFilter;
import dev.carmarket.adapters.web.ratelimit.RateLimitListener;
import dev.carmarket.adapters.web.security.ClientAddressFilter;
import dev.carmarket.adapters.web.security.ClientAddressResolver;
import dev.carmarket.adapters.web.security.CorsAllowlistFilter;
import dev.carmarket.adapters.web.security.InternalEndpointGuard;
import dev.carmarket.adapters.web.security.SecurityHeaderExemptions;
import dev.carmarket.adapters.web.security.SecurityHeadersFilter;
import dev.carmarket.adapters.web.security.SecuritySettings;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.netty.NettyPipeline;

/**
 * The HTTP adapter. Needs a bean of every inbound use case it serves, a {@link WebSettings} and a
 * {@link SecuritySettings}, a {@link ReadinessProbe} and a {@link ServiceRelease} (for the health routes);
 * {@link UnknownPropertyListener}, {@link UnhandledFailureListener} and {@link RateLimitListener} beans are
 * optional (default: none).
 * Contributes the routes, the request-id, access-log, security, rate-limit, shutdown (deadline and connection
 * drain) and body-size filters, the error-envelope exception handler and the envelope for Reactor Netty's own
 * rejections. The {@link ControlSwitches} can switch the correlation, security-header and CORS filters off.
 */
@Configuration(proxyBeanMethods = false)
public class WebAdapterConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = ControlSwitches.REQUEST_CORRELATION, matchIfMissing = true)
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    AccessLogFilter accessLogFilter() {
        return new AccessLogFilter();
    }

    /** Reached by the application near the end of its shutdown grace period. */
    @Bean
    ShutdownDeadline shutdownDeadline() {
        return new ShutdownDeadline();
    }

    @Bean
    ShutdownDeadlineFilter shutdownDeadlineFilter(ShutdownDeadline shutdownDeadline) {
        return new ShutdownDeadlineFilter(shutdownDeadline);
    }

    /** Begun by the application when readiness turns DOWN for a shutdown. */
    @Bean
    ConnectionDrain connectionDrain() {
        return new ConnectionDrain();
    }

    @Bean
    ConnectionDrainFilter connectionDrainFilter(ConnectionDrain connectionDrain) {
        return new ConnectionDrainFilter(connectionDrain);
    }

    /** Reactor Netty's own 400/414/431 answers (before WebFlux sees the request) in the error envelope. */
    @Bean
    NettyServerCustomizer decoderRejectionEnvelope(WebJson webJson) {
        DecoderRejectionEnvelope handler = new DecoderRejectionEnvelope(webJson);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecoderRejectionEnvelope.NAME, handler);
            }
        });
    }

    @Bean
    HealthHandler healthHandler(ReadinessProbe readinessProbe, ServiceRelease serviceRelease, WebJson webJson) {
        return new HealthHandler(readinessProbe, serviceRelease, webJson);
    }

    /** The security controls of docs/security.md; each runs for every request, errors and 404s included. */
    @Bean
    ClientAddressResolver clientAddressResolver(SecuritySettings security) {
        return new ClientAddressResolver(security.trustedProxies());
    }

    @Bean
    ClientAddressFilter clientAddressFilter(ClientAddressResolver clientAddressResolver) {
        return new ClientAddressFilter(clientAddressResolver);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ControlSwitches.SECURITY_HEADERS, matchIfMissing = true)
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter(SecurityHeaderExemptions.IN_FORCE);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ControlSwitches.CORS, matchIfMissing = true)
    CorsAllowlistFilter corsAllowlistFilter(SecuritySettings security) {
        return new CorsAllowlistFilter(security);
    }

    @Bean
    InternalEndpointGuard internalEndpointGuard(SecuritySettings security) {
        return new InternalEndpointGuard(security);
    }

    /** Per-client token buckets per route class; a pass-through when {@code RATE_LIMITS=off}. */
    @Bean
    WebFilter rateLimitFilter(WebSettings settings, ObjectProvider<RateLimitListener> rateLimitListener) {
        return settings.rateLimits()
                .<WebFilter>map(limits -> new RateLimitFilter(limits,
                        rateLimitListener.getIfAvailable(() -> RateLimitListener.NONE)))
                .orElse((exchange, chain) -> chain.filter(exchange));
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter() {
        return new BodySizeLimitFilter();
    }

    /** Not a JsonMapper bean on purpose: that would replace the application's own mapper. */
    @Bean
    WebJson webJson() {
        return new WebJson();
    }

    @Bean
    ErrorEnvelopeExceptionHandler errorEnvelopeExceptionHandler(WebJson webJson,
            ObjectProvider<UnhandledFailureListener> unhandledFailureListener) {
        return new ErrorEnvelopeExceptionHandler(webJson,
                unhandledFailureListener.getIfAvailable(() -> UnhandledFailureListener.NONE));
    }

    @Bean
    JsonResponses jsonResponses(WebJson webJson) {
        return new JsonResponses(webJson);
    }

    @Bean
    JsonBodyReaders jsonBodyReaders(WebJson webJson, WebSettings settings,
            ObjectProvider<UnknownPropertyListener> unknownPropertyListener) {
        return new JsonBodyReaders(webJson, settings.strictValidation(),
                unknownPropertyListener.getIfAvailable(() -> UnknownPropertyListener.NONE));
    }

    @Bean
    CarHandler carHandler(SearchCarsUseCase searchCars, GetCarDetailsUseCase getCarDetails,
            JsonResponses responses) {
        return new CarHandler(searchCars, getCarDetails, responses);
    }

    @Bean
    OrderHandler orderHandler(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, JsonBodyReaders bodyReaders,
            JsonResponses responses) {
        return new OrderHandler(placeOrder, getOrder, bodyReaders, responses);
    }

    @Bean
    PaymentHandler paymentHandler(StartPaymentUseCase startPayment, GetPaymentUseCase getPayment,
            JsonBodyReaders bodyReaders, JsonResponses responses) {
        return new PaymentHandler(startPayment, getPayment, bodyReaders, responses);
    }

    @Bean
    PaymentWebhookHandler paymentWebhookHandler(HandlePaymentEventUseCase handlePaymentEvent, WebSettings settings,
            JsonBodyReaders bodyReaders, JsonResponses responses) {
        WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(settings.paymentWebhookSecret(),
                settings.webhookTolerance(), settings.clock());
        return new PaymentWebhookHandler(handlePaymentEvent, verifier, bodyReaders, responses);
    }

    @Bean
    RouterFunction<ServerResponse> carmarketRoutes(CarHandler cars, OrderHandler orders, PaymentHandler payments,
            PaymentWebhookHandler webhook, HealthHandler health) {
        return CarmarketRoutes.router(Stream.concat(CarmarketRoutes.of(cars, orders, payments, webhook).stream(),
                health.routes().stream()).toList());
    }
}
