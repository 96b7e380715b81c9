package dev.carmarket.core.support;

import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.testing.TestOrders;
import java.net.URI;

/** Requests as the web adapter hands them over. */
public final class TestCommands {

    public static final URI RETURN_URL = URI.create("https://shop.example/return");

    private TestCommands() {
    }

    /** Jane Doe picks the car up; no idempotency key. */
    public static PlaceOrderCommand pickUp(CarId car) {
        return new PlaceOrderCommand(car, TestOrders.JANE, DeliveryOption.PICKUP, null, null, null, TestOrders.CLIENT);
    }

    public static PlaceOrderCommand pickUp(CarId car, String idempotencyKey) {
        return new PlaceOrderCommand(car, TestOrders.JANE, DeliveryOption.PICKUP, null, null,
                new IdempotencyKey(idempotencyKey), TestOrders.CLIENT);
    }

    /** Pays by card, returning to the shop; no idempotency key. */
    public static StartPaymentCommand payByCard(OrderId order) {
        return new StartPaymentCommand(order, PaymentMethod.CARD, RETURN_URL, null);
    }

    public static StartPaymentCommand payByCard(OrderId order, String idempotencyKey) {
        return new StartPaymentCommand(order, PaymentMethod.CARD, RETURN_URL, new IdempotencyKey(idempotencyKey));
    }
}
