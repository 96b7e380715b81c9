package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import java.time.Instant;

/** Valid {@link Payment}s: PENDING, by CARD, for the order's amount, with a unique provider reference. */
public final class TestPayments {

    public static final Instant DEFAULT_CREATED_AT = Instant.parse("2026-11-26T12:05:00Z");

    private TestPayments() {
    }

    public static Builder pendingFor(Order order) {
        return new Builder(order);
    }

    public static final class Builder {

        private final Order order;
        private PaymentId id = new PaymentId(TestIds.random());
        private PaymentStatus status = PaymentStatus.PENDING;
        private PaymentMethod method = PaymentMethod.CARD;
        private Money amount;
        private String providerReference = "psp_test_" + TestIds.random().toString().replace("-", "");
        private Instant createdAt = DEFAULT_CREATED_AT;

        private Builder(Order order) {
            this.order = order;
            this.amount = order.amount();
        }

        public Builder id(PaymentId id) {
            this.id = id;
            return this;
        }

        public Builder status(PaymentStatus status) {
            this.status = status;
            return this;
        }

        public Builder method(PaymentMethod method) {
            this.method = method;
            return this;
        }

        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        public Builder providerReference(String providerReference) {
            this.providerReference = providerReference;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Payment build() {
            return new Payment(id, order.id(), status, method, amount, providerReference,
                    "https://sandbox.pay.example/checkout/" + providerReference, createdAt);
        }
    }
}
