package dev.carmarket.ports.domain.order;

import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored order with the customer's full contact data. It never leaves the
 * hexagon as is: use cases return {@link OrderView}.
 * {@code deliveryAddress} is present exactly when the option is DELIVERY; {@code notes} may be null.
 * {@code client} is the network the order was placed from, which its reservation counts against.
 */
public record Order(
        OrderId id,
        OrderNumber number,
        OrderStatus status,
        CarId carId,
        Money amount,
        Customer customer,
        DeliveryOption deliveryOption,
        DeliveryAddress deliveryAddress,
        String notes,
        Instant createdAt,
        Instant expiresAt,
        ClientNetwork client) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(carId, "carId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(deliveryOption, "deliveryOption");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(client, "client");
        if ((deliveryOption == DeliveryOption.DELIVERY) != (deliveryAddress != null)) {
            throw new IllegalArgumentException("a delivery address goes with DELIVERY and only with it");
        }
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(id, number, newStatus, carId, amount, customer, deliveryOption, deliveryAddress, notes,
                createdAt, expiresAt, client);
    }

    /** Whom this order's reservation counts against while it is PENDING_PAYMENT. */
    public ReservationHolder holder() {
        return ReservationHolder.of(customer, client);
    }

    public OrderView view() {
        return new OrderView(id, number, status, carId, amount, customer.masked(), deliveryOption, createdAt,
                expiresAt);
    }
}
