package dev.carmarket.adapters.sandbox;

import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventType;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.out.payment.CheckoutRequest;
import dev.carmarket.ports.out.payment.PaymentProvider;
import dev.carmarket.ports.out.payment.ProviderCheckout;
import dev.carmarket.ports.out.system.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/**
 * A stand-in payment provider for demos and tests. It opens a checkout at once and lets the caller
 * produce the webhook events the real provider would send. References are derived from the payment
 * id (a hash, so they do not expose it), hence stable across retries of the same payment.
 */
public final class SandboxPaymentProvider implements PaymentProvider {

    private static final String CHECKOUT_BASE_URL = "https://sandbox.pay.example/checkout/";
    private static final int REFERENCE_BYTES = 12;

    private final IdGenerator eventIds;

    public SandboxPaymentProvider(IdGenerator eventIds) {
        this.eventIds = eventIds;
    }

    @Override
    public Mono<ProviderCheckout> createCheckout(CheckoutRequest request) {
        return Mono.fromSupplier(() -> {
            String reference = referenceFor(request.paymentId());
            return new ProviderCheckout(reference, CHECKOUT_BASE_URL + reference);
        });
    }

    /** {@code psp_} and 24 hex digits of the SHA-256 of the payment id. */
    public static String referenceFor(PaymentId paymentId) {
        byte[] digest = sha256().digest(paymentId.toString().getBytes(StandardCharsets.US_ASCII));
        return "psp_" + HexFormat.of().formatHex(Arrays.copyOf(digest, REFERENCE_BYTES));
    }

    /** The event the provider sends once the buyer has paid, for the payment's full amount. */
    public PaymentEvent succeededEvent(Payment payment, Instant at) {
        return event(PaymentEventType.SUCCEEDED, payment, at);
    }

    /** The event the provider sends when the buyer's payment was declined. */
    public PaymentEvent failedEvent(Payment payment, Instant at) {
        return event(PaymentEventType.FAILED, payment, at);
    }

    /** A new event with a unique id each call, the way a provider reports each attempt separately. */
    public PaymentEvent event(PaymentEventType type, Payment payment, Instant at) {
        String eventId = "evt_" + eventIds.newId().toString().replace("-", "");
        return new PaymentEvent(eventId, type, payment.providerReference(), payment.amount(), at);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK provides SHA-256", missing);
        }
    }
}
