package dev.carmarket.core.order;

import dev.carmarket.core.car.CarLifecycle;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.in.order.ExpireOrdersUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires one batch of overdue orders and frees their cars. Each order gets its own
 * transaction, and only the caller whose compare-and-set expired the order frees the
 * car, so concurrent runs (on several instances) and a payment arriving meanwhile are safe.
 */
public final class ExpireOrdersService implements ExpireOrdersUseCase {

    private final OrderRepository orders;
    private final OrderLifecycle orderLifecycle;
    private final CarLifecycle carLifecycle;
    private final TransactionRunner transactions;
    private final TimeSource time;
    private final CoreSettings settings;

    public ExpireOrdersService(OrderRepository orders, CarCatalog cars, TransactionRunner transactions,
            TimeSource time, CoreSettings settings) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.orderLifecycle = new OrderLifecycle(orders);
        this.carLifecycle = new CarLifecycle(cars);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<Integer> expireDueOrders() {
        return Mono.defer(() -> orders.findExpiredPending(time.now(), settings.expiryBatchSize())
                        // Read the whole (bounded) batch before writing, so the read does not hold a
                        // store connection while each order's transaction needs another one.
                        .collectList())
                .flatMapMany(Flux::fromIterable)
                .concatMap(order -> transactions.inTransaction(() -> expire(order)))
                .filter(Boolean::booleanValue)
                .count()
                .map(Math::toIntExact);
    }

    /** @return true if this call expired the order */
    private Mono<Boolean> expire(Order order) {
        return orderLifecycle.expire(order.id())
                .flatMap(expired -> expired
                        ? carLifecycle.release(order.carId()).thenReturn(true)
                        : Mono.just(false));
    }
}
