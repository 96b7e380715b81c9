package dev.carmarket.adapters.inmemory.order;

import dev.carmarket.adapters.inmemory.ordering.UnsignedUuidOrder;
import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.adapters.inmemory.transaction.PartialUniqueIndex;
import dev.carmarket.adapters.inmemory.transaction.UndoLog;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.out.order.OrderRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders, with the database's partial unique index re-enacted: at most one PENDING_PAYMENT or PAID
 * order per car, whether the order is inserted in that state or moved into it.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private static final Set<OrderStatus> HOLDS_THE_CAR = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    private static final Comparator<Order> OLDEST_EXPIRY_FIRST = Comparator.comparing(Order::expiresAt)
            .thenComparing(order -> order.id().value(), UnsignedUuidOrder.INSTANCE);

    private final InMemoryTransactionRunner transactions;
    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final PartialUniqueIndex<CarId, OrderId> orderHoldingCar =
            new PartialUniqueIndex<>(() -> new DomainException(DomainError.CAR_NOT_AVAILABLE));

    public InMemoryOrderRepository(InMemoryTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> insert(Order order) {
        return transactions.execute(undo -> {
            if (orders.containsKey(order.id())) {
                throw new IllegalStateException("duplicate order id " + order.id());
            }
            store(undo, order);
            return null;
        });
    }

    @Override
    public Mono<Order> findById(OrderId id) {
        return transactions.execute(undo -> orders.get(id));
    }

    @Override
    public Mono<Boolean> changeStatus(OrderId id, OrderStatus expected, OrderStatus next) {
        return transactions.execute(undo -> {
            Order order = orders.get(id);
            if (order == null || order.status() != expected) {
                return false;
            }
            store(undo, order.withStatus(next));
            return true;
        });
    }

    /**
     * Every transaction of this store runs alone (see InMemoryTransactionRunner), which is the lock the
     * port asks for: nothing can insert for the same holder between this count and the caller's commit.
     */
    @Override
    public Mono<ActiveReservations> lockAndCountActive(ReservationHolder holder, Instant now) {
        return transactions.execute(undo -> {
            List<Order> pending = orders.values().stream()
                    .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT && order.expiresAt().isAfter(now))
                    .toList();
            return new ActiveReservations(
                    held(pending, order -> order.holder().customer().equals(holder.customer())),
                    held(pending, order -> order.client().equals(holder.client())));
        });
    }

    private static ActiveReservations.Held held(List<Order> pending, Predicate<Order> heldBy) {
        return new ActiveReservations.Held(pending.stream().filter(heldBy).map(Order::expiresAt).sorted().toList());
    }

    @Override
    public Flux<Order> findExpiredPending(Instant now, int limit) {
        return transactions.execute(undo -> orders.values().stream()
                        .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT && !order.expiresAt().isAfter(now))
                        .sorted(OLDEST_EXPIRY_FIRST)
                        .limit(limit)
                        .toList())
                .flatMapIterable(expired -> expired);
    }

    private void store(UndoLog undo, Order order) {
        orderHoldingCar.update(undo, order.carId(), order.id(), HOLDS_THE_CAR.contains(order.status()));
        undo.put(orders, order.id(), order);
    }
}
