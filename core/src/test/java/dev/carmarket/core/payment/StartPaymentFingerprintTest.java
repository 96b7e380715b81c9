package dev.carmarket.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Two payment requests share a fingerprint exactly when every field of their bodies is equal. */
class StartPaymentFingerprintTest {

    @Provide
    Arbitrary<StartPaymentCommand> commands() {
        Arbitrary<OrderId> order = Arbitraries.of(
                new OrderId(UUID.fromString("6f1c0a52-5d2e-4a57-9d55-6a4f0c1e2b3d")),
                new OrderId(UUID.fromString("0b8e4f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b")));
        Arbitrary<URI> returnUrl = Arbitraries.of(
                URI.create("https://shop.example/return"), URI.create("https://shop.example/return?x=1"))
                .injectNull(0.3);
        Arbitrary<IdempotencyKey> key = Arbitraries.of(new IdempotencyKey("a"), new IdempotencyKey("b"));
        return Combinators.combine(order, Arbitraries.of(PaymentMethod.class), returnUrl, key)
                .as(StartPaymentCommand::new);
    }

    @Property
    void fingerprintsAreEqualExactlyWhenTheRequestsAre(@ForAll("commands") StartPaymentCommand first,
            @ForAll("commands") StartPaymentCommand second) {
        boolean sameBody = first.orderId().equals(second.orderId()) && first.method() == second.method()
                && Objects.equals(first.returnUrl(), second.returnUrl());

        assertThat(StartPaymentService.fingerprint(first).equals(StartPaymentService.fingerprint(second)))
                .isEqualTo(sameBody);
    }
}
