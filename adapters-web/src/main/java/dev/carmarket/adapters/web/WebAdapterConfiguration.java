package dev.carmarket.adapters.web;

import dev.carmarket.adapters.web.body.JsonBodyReaders;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import dev.carmarket.adapters.web.car.CarHandler;
import dev.carmarket.adapters.web.http.BodySizeLimitFilter;
import dev.carmarket.adapters.web.http.ErrorEnvelopeExceptionHandler;
import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.http.RequestIdFilter;
import dev.carmarket.adapters.web.http.WebJson;
import dev.carmarket.adapters.web.order.OrderHandler;
import dev.carmarket.adapters.web.payment.PaymentHandler;
import dev.carmarket.adapters.web.payment.PaymentWebhookHandler;
import dev.carmarket.adapters.web.payment.WebhookSignatureVerifier;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The HTTP adapter. Needs a bean of every inbound use case it serves and a {@link WebSettings};
 * an {@link UnknownPropertyListener} bean is optional (default: none). Contributes the routes,
 * the request-id and body-size filters and the error-envelope exception handler.
 */
@Configuration(proxyBeanMethods = false)
public class WebAdapterConfiguration {

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
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
    ErrorEnvelopeExceptionHandler errorEnvelopeExceptionHandler(WebJson webJson) {
        return new ErrorEnvelopeExceptionHandler(webJson);
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
            PaymentWebhookHandler webhook) {
        return CarmarketRoutes.router(CarmarketRoutes.of(cars, orders, payments, webhook));
    }
}
