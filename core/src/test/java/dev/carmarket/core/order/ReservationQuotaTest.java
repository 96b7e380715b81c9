package dev.carmarket.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.testing.TestOrders;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The reservation quota as the use case applies it, on the in-memory stores. */
class ReservationQuotaTest {

    private static final ReservationQuota QUOTA = new ReservationQuota(2, 3);

    private final TestMarket market = TestMarket.create(CoreSettings.defaults().withReservationQuota(Optional.of(QUOTA)));

    private Mono<PlacedOrder> place(String email, String network, String key) {
        return market.core().placeOrder().placeOrder(new PlaceOrderCommand(market.listCar().id(),
                new Customer("Jane Doe", email, "+4915112345678"), DeliveryOption.PICKUP, null, null,
                key == null ? null : new IdempotencyKey(key), new ClientNetwork(network)));
    }

    private static DomainException refusal(Mono<?> attempt) {
        return (DomainException) attempt.map(Object.class::cast).onErrorResume(Mono::just).block();
    }

    @Test
    void aCustomerBeyondTheQuotaIsRefusedUntilTheirOldestReservationExpires() {
        place("jane@example.com", "198.51.100.1", null).block();
        market.advance(Duration.ofMinutes(5));
        place("JANE@example.com", "198.51.100.2", null).block();

        DomainException refused = refusal(place("jane@example.com", "198.51.100.3", null));

        assertThat(refused.error()).isEqualTo(DomainError.CUSTOMER_RESERVATION_QUOTA);
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(25));
    }

    @Test
    void aClientNetworkBeyondTheQuotaIsRefusedWhateverTheEmailsAndTheRefusedOrderLeavesItsCarAvailable() {
        for (int i = 0; i < 3; i++) {
            place("hoarder+" + i + "@example.com", "203.0.113.9", null).block();
        }
        var car = market.listCar();

        DomainException refused = refusal(market.core().placeOrder().placeOrder(new PlaceOrderCommand(car.id(),
                TestOrders.JANE, DeliveryOption.PICKUP, null, null, null, new ClientNetwork("203.0.113.9"))));

        assertThat(refused.error()).isEqualTo(DomainError.CLIENT_RESERVATION_QUOTA);
        assertThat(market.carStatus(car.id())).isEqualTo(CarStatus.AVAILABLE);
    }

    @Test
    void aReservationPastItsExpiryHoldsNoSlotEvenBeforeTheExpiryRunMarksIt() {
        place("jane@example.com", "198.51.100.1", null).block();
        place("jane@example.com", "198.51.100.1", null).block();
        market.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertThat(place("jane@example.com", "198.51.100.1", null).block()).isNotNull();
    }

    @Test
    void overALoweredQuotaRetryAfterWaitsForEnoughReservationsToExpire() {
        for (int minute = 0; minute < 3; minute++) {
            place("hoarder+" + minute + "@example.com", "203.0.113.9", null).block();
            market.advance(Duration.ofMinutes(1));
        }
        var loweredToOne = market.coreWith(
                CoreSettings.defaults().withReservationQuota(Optional.of(new ReservationQuota(2, 1))));

        DomainException refused = refusal(loweredToOne.placeOrder().placeOrder(new PlaceOrderCommand(
                market.listCar().id(), TestOrders.JANE, DeliveryOption.PICKUP, null, null, null,
                new ClientNetwork("203.0.113.9"))));

        // Placed at minutes 0, 1 and 2, now minute 3: under a quota of one, a slot needs all three gone, at 32.
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(29));
    }

    @Test
    void aReplayReplaysAndAnUnavailableCarIsStillAConflictOverTheQuota() {
        PlacedOrder first = place("jane@example.com", "198.51.100.1", "key-1").block();
        place("jane@example.com", "198.51.100.1", null).block();
        var sameRequest = new PlaceOrderCommand(first.order().carId(), new Customer("Jane Doe", "jane@example.com",
                "+4915112345678"), DeliveryOption.PICKUP, null, null, new IdempotencyKey("key-1"),
                new ClientNetwork("198.51.100.1"));

        assertThat(market.core().placeOrder().placeOrder(sameRequest).block().replayed()).isTrue();
        assertThat(refusal(market.core().placeOrder().placeOrder(new PlaceOrderCommand(first.order().carId(),
                TestOrders.JANE, DeliveryOption.PICKUP, null, null, null, new ClientNetwork("198.51.100.1"))))
                .error()).isEqualTo(DomainError.CAR_NOT_AVAILABLE);
    }
}
