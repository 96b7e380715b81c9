package dev.carmarket.core.payment;

import static dev.carmarket.ports.domain.payment.PaymentStatus.CAPTURED;
import static dev.carmarket.ports.domain.payment.PaymentStatus.FAILED;
import static dev.carmarket.ports.domain.payment.PaymentStatus.PENDING;

import dev.carmarket.core.common.Lifecycle;
import dev.carmarket.core.common.Transition;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.out.payment.PaymentRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The payment state machine and the only way the use cases change a payment's status.
 * CAPTURED and FAILED are final: the first provider outcome wins.
 */
public final class PaymentLifecycle {

    public static final Lifecycle<PaymentStatus> STATES = Lifecycle.of(PaymentStatus.class)
            .allow(PENDING, CAPTURED)
            .allow(PENDING, FAILED)
            .build();

    private static final Transition<PaymentStatus> CAPTURE = STATES.transition(PENDING, CAPTURED);
    private static final Transition<PaymentStatus> FAIL = STATES.transition(PENDING, FAILED);

    private final PaymentRepository payments;

    public PaymentLifecycle(PaymentRepository payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    /** @return true if this call captured the payment; false if it was no longer PENDING */
    public Mono<Boolean> capture(PaymentId payment) {
        return CAPTURE.apply(payment, payments::changeStatus);
    }

    /** @return true if this call failed the payment; false if it was no longer PENDING */
    public Mono<Boolean> fail(PaymentId payment) {
        return FAIL.apply(payment, payments::changeStatus);
    }
}
