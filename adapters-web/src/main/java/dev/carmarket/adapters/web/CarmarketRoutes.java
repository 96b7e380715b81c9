package dev.carmarket.adapters.web;

import dev.carmarket.adapters.web.car.CarHandler;
import dev.carmarket.adapters.web.http.Route;
import dev.carmarket.adapters.web.order.OrderHandler;
import dev.carmarket.adapters.web.payment.PaymentHandler;
import dev.carmarket.adapters.web.payment.PaymentWebhookHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * The contract's routes. A known path asked with another method is a 405 carrying {@code Allow}
 * (functional routing alone would answer 404); an unknown path falls through to the framework's 404.
 */
public final class CarmarketRoutes {

    private CarmarketRoutes() {
    }

    public static List<Route> of(CarHandler cars, OrderHandler orders, PaymentHandler payments,
            PaymentWebhookHandler webhook) {
        // A literal path comes before the template that would also match it.
        return List.of(
                new Route(HttpMethod.GET, "/car-details/search", cars::search),
                new Route(HttpMethod.GET, "/car-details/{id}", cars::details),
                new Route(HttpMethod.POST, "/orders", orders::place),
                new Route(HttpMethod.GET, "/orders/{id}", orders::get),
                new Route(HttpMethod.POST, "/payments/webhook", webhook::handle),
                new Route(HttpMethod.POST, "/payments", payments::start),
                new Route(HttpMethod.GET, "/payments/{id}", payments::get));
    }

    /** Each path's routes followed by its 405 fallback, so a later template cannot capture a literal path. */
    public static RouterFunction<ServerResponse> router(List<Route> routes) {
        Map<String, List<Route>> byPath = routes.stream()
                .collect(Collectors.groupingBy(Route::pathTemplate, LinkedHashMap::new, Collectors.toList()));
        RouterFunctions.Builder builder = RouterFunctions.route();
        byPath.forEach((path, pathRoutes) -> {
            pathRoutes.forEach(route -> builder.route(
                    RequestPredicates.methods(methodsOf(route)).and(RequestPredicates.path(path)), route.handler()));
            List<HttpMethod> allowed = pathRoutes.stream().flatMap(route -> Stream.of(methodsOf(route))).toList();
            builder.route(RequestPredicates.path(path),
                    request -> Mono.error(new MethodNotAllowedException(request.method(), allowed)));
        });
        return builder.build();
    }

    /** HEAD is answered wherever GET is (RFC 9110); WebFlux sends the headers without the body. */
    private static HttpMethod[] methodsOf(Route route) {
        return route.method() == HttpMethod.GET
                ? new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}
                : new HttpMethod[] {route.method()};
    }
}
