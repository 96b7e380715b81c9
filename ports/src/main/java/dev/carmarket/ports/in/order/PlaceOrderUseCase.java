package dev.carmarket.ports.in.order;

import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import reactor.core.publisher.Mono;

public interface PlaceOrderUseCase {

    /**
     * Reserves the car and creates a PENDING_PAYMENT order in one transaction.
     * Errors: {@code CAR_NOT_FOUND}, {@code CAR_NOT_AVAILABLE}, {@code IDEMPOTENCY_KEY_REUSED}.
     */
    Mono<PlacedOrder> placeOrder(PlaceOrderCommand command);
}
