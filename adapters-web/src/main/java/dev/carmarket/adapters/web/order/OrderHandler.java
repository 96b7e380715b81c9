package dev.carmarket.adapters.web.order;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.body.JsonBodyReader;
import dev.carmarket.adapters.web.body.JsonBodyReaders;
import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.input.PathIds;
import dev.carmarket.adapters.web.http.ClientAddress;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /orders} and {@code GET /orders/{id}}. */
public final class OrderHandler {

    private final PlaceOrderUseCase placeOrder;
    private final GetOrderUseCase getOrder;
    private final JsonBodyReader<PlaceOrderRequest> bodyReader;
    private final JsonResponses responses;

    public OrderHandler(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, JsonBodyReaders bodyReaders,
            JsonResponses responses) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.bodyReader = bodyReaders.forRoute(StrictValidationPolicy.PLACE_ORDER, PlaceOrderRequest.class);
        this.responses = responses;
    }

    public Mono<ServerResponse> place(ServerRequest request) {
        String idempotencyKey = request.headers().firstHeader(JsonResponses.IDEMPOTENCY_KEY);
        ClientNetwork client = ClientAddress.networkOf(request.exchange());
        return bodyReader.read(request, body -> body.toCommand(idempotencyKey, client))
                .flatMap(placeOrder::placeOrder)
                .flatMap(placed -> responses.createdNoStore(OrderResponse.from(placed.order()), placed.replayed()));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return PathIds.of(request, OrderId::new)
                .flatMap(getOrder::getOrder)
                .flatMap(order -> responses.okNoStore(OrderResponse.from(order)));
    }
}
