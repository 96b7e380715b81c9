package dev.carmarket.core.order;

import dev.carmarket.core.common.Failures;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.out.order.OrderRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** An order as clients may see it: contact data masked. */
public final class GetOrderService implements GetOrderUseCase {

    private final OrderRepository orders;

    public GetOrderService(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public Mono<OrderView> getOrder(OrderId id) {
        Objects.requireNonNull(id, "id");
        return orders.findById(id).switchIfEmpty(Failures.fail(DomainError.ORDER_NOT_FOUND)).map(Order::view);
    }
}
