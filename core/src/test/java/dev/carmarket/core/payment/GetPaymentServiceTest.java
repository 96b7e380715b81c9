package dev.carmarket.core.payment;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;

import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GetPaymentServiceTest {

    private final TestMarket market = TestMarket.create();

    @Test
    void findsAStartedPayment() {
        Payment payment = market.startPayment(market.placeOrder(market.listCar()));

        StepVerifier.create(market.core().getPayment().getPayment(payment.id())).expectNext(payment).verifyComplete();
    }

    @Test
    void failsForAnUnknownPayment() {
        assertFailsWith(market.core().getPayment().getPayment(new PaymentId(UUID.randomUUID())),
                DomainError.PAYMENT_NOT_FOUND);
    }
}
