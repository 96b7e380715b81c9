package dev.carmarket.ports.in.order;

import reactor.core.publisher.Mono;

public interface ExpireOrdersUseCase {

    /**
     * Moves PENDING_PAYMENT orders past their expiry to EXPIRED and frees their cars.
     * Safe to run concurrently from several instances: each order expires once.
     *
     * @return how many orders this call expired
     */
    Mono<Integer> expireDueOrders();
}
