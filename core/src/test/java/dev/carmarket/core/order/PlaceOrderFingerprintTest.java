package dev.carmarket.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryAddress;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.testing.TestOrders;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Two order requests share a fingerprint exactly when every field of their bodies is equal. */
class PlaceOrderFingerprintTest {

    @Provide
    Arbitrary<PlaceOrderCommand> commands() {
        Arbitrary<CarId> car = Arbitraries.of(
                new CarId(UUID.fromString("6f1c0a52-5d2e-4a57-9d55-6a4f0c1e2b3d")),
                new CarId(UUID.fromString("0b8e4f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b")));
        Arbitrary<Customer> customer = Combinators.combine(
                Arbitraries.of("Jane Doe", "Jane Doe "),
                Arbitraries.of("jane@example.com", "jo@example.com"),
                Arbitraries.of("+4915112345678", "+4915112349678")).as(Customer::new);
        Arbitrary<DeliveryAddress> address = Combinators.combine(
                Arbitraries.of("Hauptstr. 1", "Hauptstr. 11"),
                Arbitraries.of("Berlin", "Bonn"),
                Arbitraries.of("10115", "53111"),
                Arbitraries.of("DE", "AT")).as(DeliveryAddress::new);
        Arbitrary<String> notes = Arbitraries.of("", "call first", "null").injectNull(0.3);
        Arbitrary<IdempotencyKey> key = Arbitraries.of(new IdempotencyKey("a"), new IdempotencyKey("b"));
        return Combinators.combine(car, customer, address.injectNull(0.5), notes, key)
                .as((carId, buyer, deliverTo, note, idempotencyKey) -> new PlaceOrderCommand(carId, buyer,
                        deliverTo == null ? DeliveryOption.PICKUP : DeliveryOption.DELIVERY, deliverTo, note,
                        idempotencyKey, TestOrders.CLIENT));
    }

    @Property
    void fingerprintsAreEqualExactlyWhenTheRequestsAre(@ForAll("commands") PlaceOrderCommand first,
            @ForAll("commands") PlaceOrderCommand second) {
        boolean sameBody = withoutKey(first).equals(withoutKey(second));

        assertThat(PlaceOrderService.fingerprint(first).equals(PlaceOrderService.fingerprint(second)))
                .isEqualTo(sameBody);
    }

    /** The key names the request; it is not part of what the request asks for. */
    private static PlaceOrderCommand withoutKey(PlaceOrderCommand command) {
        return new PlaceOrderCommand(command.carId(), command.customer(), command.deliveryOption(),
                command.deliveryAddress(), command.notes(), null, command.client());
    }
}
