package dev.carmarket.adapters.web.order;

import dev.carmarket.adapters.web.input.InputProblems;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryAddress;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import java.util.UUID;

/** Body of {@code POST /orders}; every property the strict check allows is declared here. */
public record PlaceOrderRequest(
        String carId,
        CustomerRequest customer,
        String deliveryOption,
        DeliveryAddressRequest deliveryAddress,
        String notes) {

    public record CustomerRequest(String fullName, String email, String phone) {
    }

    public record DeliveryAddressRequest(String line1, String city, String postalCode, String country) {
    }

    /** The port command, or a 400 listing every problem of the body and of the {@code Idempotency-Key} header. */
    PlaceOrderCommand toCommand(String idempotencyKey, ClientNetwork client) {
        InputProblems problems = new InputProblems();
        UUID car = problems.uuid("carId", carId);
        Customer buyer = problems.requirePresent("customer", customer)
                ? problems.attempt(() -> new Customer(customer.fullName(), customer.email(), customer.phone()))
                : null;
        DeliveryOption option = problems.requiredEnum("deliveryOption", deliveryOption, DeliveryOption.class);
        DeliveryAddress address = deliveryAddress == null ? null
                : problems.attempt(() -> new DeliveryAddress(deliveryAddress.line1(), deliveryAddress.city(),
                        deliveryAddress.postalCode(), deliveryAddress.country()));
        IdempotencyKey key = problems.idempotencyKey(idempotencyKey);
        if (option != null) {
            problems.addAll(PlaceOrderCommand.problems(option, deliveryAddress != null, notes).asList());
        }
        PlaceOrderCommand command = problems.isEmpty()
                ? problems.attempt(() -> new PlaceOrderCommand(new CarId(car), buyer, option, address, notes, key,
                        client))
                : null;
        problems.throwIfAny();
        return command;
    }
}
