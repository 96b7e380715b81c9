package dev.carmarket.ports.domain.order;

import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.Money;
import java.time.Instant;

/** An order as clients see it: contact data masked. */
public record OrderView(
        OrderId id,
        OrderNumber number,
        OrderStatus status,
        CarId carId,
        Money amount,
        MaskedCustomer customer,
        DeliveryOption deliveryOption,
        Instant createdAt,
        Instant expiresAt) {
}
