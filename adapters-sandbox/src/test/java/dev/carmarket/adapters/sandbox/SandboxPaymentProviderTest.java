package dev.carmarket.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.testing.SeededIdGenerator;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.payment.CheckoutRequest;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SandboxPaymentProviderTest {

    private static final PaymentId PAYMENT_ID = new PaymentId(UUID.fromString("3f2c1a52-9d4e-4b1a-8c6f-0e5d7b9a1c23"));
    private static final Money AMOUNT = Money.of("18990.00", "EUR");
    private static final Instant AT = Instant.parse("2026-11-26T12:10:00Z");

    private final SandboxPaymentProvider provider = new SandboxPaymentProvider(new SeededIdGenerator(1));

    private static CheckoutRequest request(PaymentId id) {
        return new CheckoutRequest(id, AMOUNT, PaymentMethod.CARD, URI.create("https://shop.example/return"));
    }

    private static Payment payment(String providerReference) {
        return new Payment(PAYMENT_ID, new OrderId(UUID.randomUUID()), PaymentStatus.PENDING, PaymentMethod.CARD, AMOUNT,
                providerReference, "https://sandbox.pay.example/checkout/" + providerReference, AT.minusSeconds(60));
    }

    @Test
    void theCheckoutOfAPaymentHasAStableReferenceAndUrl() {
        StepVerifier.create(provider.createCheckout(request(PAYMENT_ID)))
                .assertNext(checkout -> {
                    assertThat(checkout.providerReference()).matches("psp_[0-9a-f]{24}")
                            .doesNotContain(PAYMENT_ID.toString().replace("-", "").substring(0, 8));
                    assertThat(checkout.checkoutUrl())
                            .isEqualTo("https://sandbox.pay.example/checkout/" + checkout.providerReference());
                })
                .verifyComplete();
        StepVerifier.create(provider.createCheckout(request(PAYMENT_ID)).map(checkout -> checkout.providerReference()))
                .expectNext(SandboxPaymentProvider.referenceFor(PAYMENT_ID))
                .verifyComplete();
    }

    @Test
    void differentPaymentsGetDifferentReferences() {
        assertThat(SandboxPaymentProvider.referenceFor(PAYMENT_ID))
                .isNotEqualTo(SandboxPaymentProvider.referenceFor(new PaymentId(UUID.randomUUID())));
    }

    @Test
    void aSuccessEventReportsThePaymentsFullAmountUnderItsReference() {
        Payment payment = payment("psp_0123456789abcdef01234567");

        PaymentEvent event = provider.succeededEvent(payment, AT);

        assertThat(event.type()).isEqualTo(PaymentEventType.SUCCEEDED);
        assertThat(event.providerReference()).isEqualTo("psp_0123456789abcdef01234567");
        assertThat(event.amount()).isEqualTo(AMOUNT);
        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(event.eventId()).matches("evt_[0-9a-f]{32}");
    }

    @Test
    void aFailureEventHasTheFailedTypeAndEveryEventItsOwnId() {
        Payment payment = payment("psp_x");

        PaymentEvent failed = provider.failedEvent(payment, AT);
        PaymentEvent again = provider.failedEvent(payment, AT);

        assertThat(failed.type()).isEqualTo(PaymentEventType.FAILED);
        assertThat(failed.eventId()).isNotEqualTo(again.eventId());
    }

    @Test
    void eventIdsFollowTheIdGenerator() {
        Payment payment = payment("psp_x");
        SandboxPaymentProvider twin = new SandboxPaymentProvider(new SeededIdGenerator(1));

        assertThat(provider.succeededEvent(payment, AT).eventId()).isEqualTo(twin.succeededEvent(payment, AT).eventId());
    }
}
