package dev.carmarket.core.order;

import static dev.carmarket.core.support.DomainErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderView;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GetOrderServiceTest {

    private final TestMarket market = TestMarket.create();

    @Test
    void showsTheOrderWithMaskedContactData() {
        OrderView placed = market.placeOrder(market.listCar());

        StepVerifier.create(market.core().getOrder().getOrder(placed.id()))
                .assertNext(order -> {
                    assertThat(order).isEqualTo(placed);
                    assertThat(order.customer().email()).isEqualTo("j***@example.com");
                    assertThat(order.customer().phone()).isEqualTo("+49*******678");
                })
                .verifyComplete();
    }

    @Test
    void failsForAnUnknownOrder() {
        assertFailsWith(market.core().getOrder().getOrder(new OrderId(UUID.randomUUID())), DomainError.ORDER_NOT_FOUND);
    }
}
