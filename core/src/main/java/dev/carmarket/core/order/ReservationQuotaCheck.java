package dev.carmarket.core.order;

import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.out.order.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Refuses a new reservation when its customer or its client network already holds as many as the
 * {@link ReservationQuota} allows. It runs in the order's transaction, after the store has locked the
 * holder's reservations, so two concurrent orders of one holder cannot both pass on the same count.
 */
final class ReservationQuotaCheck {

    private final OrderRepository orders;
    private final Optional<ReservationQuota> quota;

    /** @param quota empty switches the check off (no store call at all) */
    ReservationQuotaCheck(OrderRepository orders, Optional<ReservationQuota> quota) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.quota = Objects.requireNonNull(quota, "quota");
    }

    Mono<Void> check(ReservationHolder holder, Instant now) {
        if (quota.isEmpty()) {
            return Mono.empty();
        }
        ReservationQuota limits = quota.get();
        return orders.lockAndCountActive(holder, now)
                .flatMap(active -> refusal(limits, active, now).map(Mono::<Void>error).orElseGet(Mono::empty));
    }

    /**
     * The customer's quota is named first when both are full; {@code Retry-After} is when both have a free
     * slot again, so a client that waits that long is not refused again for the other one.
     */
    private static Optional<DomainException> refusal(ReservationQuota limits, ActiveReservations active,
            Instant now) {
        Optional<Instant> customerFreeAt = freeSlotAt(active.byCustomer(), limits.perCustomer());
        Optional<Instant> clientFreeAt = freeSlotAt(active.byClient(), limits.perClient());
        if (customerFreeAt.isEmpty() && clientFreeAt.isEmpty()) {
            return Optional.empty();
        }
        Instant retryAt = Stream.of(customerFreeAt, clientFreeAt).flatMap(Optional::stream)
                .max(Instant::compareTo)
                .orElseThrow();
        Duration retryAfter = now.isBefore(retryAt) ? Duration.between(now, retryAt) : Duration.ZERO;
        DomainError error = customerFreeAt.isPresent()
                ? DomainError.CUSTOMER_RESERVATION_QUOTA
                : DomainError.CLIENT_RESERVATION_QUOTA;
        return Optional.of(DomainException.limited(error, retryAfter));
    }

    /**
     * Empty while a new reservation fits; otherwise when enough of the held ones have expired for it to fit
     * (more than the oldest one when the holder is over the limit, e.g. after the quota was lowered).
     */
    private static Optional<Instant> freeSlotAt(ActiveReservations.Held held, int limit) {
        return held.count() < limit ? Optional.empty() : Optional.of(held.expiries().get(held.count() - limit));
    }
}
