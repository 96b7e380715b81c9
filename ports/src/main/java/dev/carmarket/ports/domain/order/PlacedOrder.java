package dev.carmarket.ports.domain.order;

/** The outcome of placing an order; {@code replayed} when an idempotency key returned an earlier result. */
public record PlacedOrder(OrderView order, boolean replayed) {
}
