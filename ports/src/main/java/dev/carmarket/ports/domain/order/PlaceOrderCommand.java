package dev.carmarket.ports.domain.order;

import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Problems;
import java.util.Objects;

/**
 * A request to buy a car. The amount is deliberately absent: it comes from the car.
 * {@code idempotencyKey}, {@code deliveryAddress} and {@code notes} may be null. {@code client} is the
 * network the request came from; it is not part of the request's fingerprint, so a retry from another
 * address still replays.
 */
public record PlaceOrderCommand(
        CarId carId,
        Customer customer,
        DeliveryOption deliveryOption,
        DeliveryAddress deliveryAddress,
        String notes,
        IdempotencyKey idempotencyKey,
        ClientNetwork client) {

    public static final int MAX_NOTES_LENGTH = 500;

    public PlaceOrderCommand {
        Objects.requireNonNull(carId, "carId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(deliveryOption, "deliveryOption");
        Objects.requireNonNull(client, "client");
        problems(deliveryOption, deliveryAddress != null, notes).throwIfAny();
    }

    /**
     * The cross-field problems of these values, so an adapter can report them together
     * with its own parse errors instead of one batch after another.
     */
    public static Problems problems(DeliveryOption deliveryOption, boolean hasDeliveryAddress, String notes) {
        return new Problems()
                .check(deliveryOption != DeliveryOption.DELIVERY || hasDeliveryAddress,
                        "deliveryAddress is required when deliveryOption is DELIVERY")
                .check(deliveryOption != DeliveryOption.PICKUP || !hasDeliveryAddress,
                        "deliveryAddress must be absent when deliveryOption is PICKUP")
                .check(notes == null || notes.length() <= MAX_NOTES_LENGTH,
                        "notes must be at most " + MAX_NOTES_LENGTH + " characters");
    }
}
