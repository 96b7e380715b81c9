package dev.carmarket.ports.in.order;

import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderView;
import reactor.core.publisher.Mono;

public interface GetOrderUseCase {

    /** Errors with {@code ORDER_NOT_FOUND} when there is none. */
    Mono<OrderView> getOrder(OrderId id);
}
