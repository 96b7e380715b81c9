package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryAddress;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderNumber;
import dev.carmarket.ports.domain.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Valid {@link Order}s: PENDING_PAYMENT, PICKUP, for Jane Doe, expiring 30 minutes after creation. */
public final class TestOrders {

    public static final Instant DEFAULT_CREATED_AT = Instant.parse("2026-11-26T12:00:00Z");
    public static final Customer JANE = new Customer("Jane Doe", "jane@example.com", "+4915112345678");
    public static final DeliveryAddress ADDRESS = new DeliveryAddress("Hauptstrasse 1", "Berlin", "10115", "DE");
    /** A documentation address (RFC 5737): the client network of every test order unless set. */
    public static final ClientNetwork CLIENT = new ClientNetwork("192.0.2.10");

    private TestOrders() {
    }

    /** A pending order for the car, at the car's price. */
    public static Builder pendingFor(CarDetails car) {
        return pendingFor(car.id()).amount(car.summary().price());
    }

    public static Builder pendingFor(CarId carId) {
        return new Builder(carId);
    }

    public static final class Builder {

        private OrderId id = new OrderId(TestIds.random());
        private OrderNumber number = OrderNumber.of(2026, ThreadLocalRandom.current().nextLong(1, 1_000_000));
        private OrderStatus status = OrderStatus.PENDING_PAYMENT;
        private final CarId carId;
        private Money amount = Money.of("18990.00", "EUR");
        private Customer customer = JANE;
        private DeliveryOption deliveryOption = DeliveryOption.PICKUP;
        private DeliveryAddress deliveryAddress;
        private String notes;
        private Instant createdAt = DEFAULT_CREATED_AT;
        private Instant expiresAt = DEFAULT_CREATED_AT.plus(Duration.ofMinutes(30));
        private ClientNetwork client = CLIENT;

        private Builder(CarId carId) {
            this.carId = carId;
        }

        public Builder id(OrderId id) {
            this.id = id;
            return this;
        }

        public Builder number(OrderNumber number) {
            this.number = number;
            return this;
        }

        public Builder status(OrderStatus status) {
            this.status = status;
            return this;
        }

        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        /** Switches to DELIVERY to the given address. */
        public Builder deliveredTo(DeliveryAddress address) {
            this.deliveryOption = DeliveryOption.DELIVERY;
            this.deliveryAddress = address;
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder client(ClientNetwork client) {
            this.client = client;
            return this;
        }

        public Order build() {
            return new Order(id, number, status, carId, amount, customer, deliveryOption, deliveryAddress, notes,
                    createdAt, expiresAt, client);
        }
    }
}
