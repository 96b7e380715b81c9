package dev.carmarket.core.order;

import dev.carmarket.core.car.CarLifecycle;
import dev.carmarket.core.common.CoreSettings;
import dev.carmarket.core.common.Failures;
import dev.carmarket.core.common.IdempotentCreation;
import dev.carmarket.core.common.RequestFingerprint;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.DeliveryAddress;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderNumber;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.in.order.PlaceOrderUseCase;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.TimeSource;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Reserves the car and creates a PENDING_PAYMENT order priced from the car, all in one
 * transaction with the idempotency claim: any failure undoes the reservation, the order
 * and the claim together. The reservation quota is checked after the car is reserved, so an
 * order for a car that is not available is refused as such whatever the quota, and a replay
 * replays before either is looked at.
 */
public final class PlaceOrderService implements PlaceOrderUseCase {

    private static final String IDEMPOTENCY_SCOPE = "place-order";

    private final CarCatalog cars;
    private final CarLifecycle carLifecycle;
    private final OrderRepository orders;
    private final OrderNumberSequence orderNumbers;
    private final IdempotentCreation<PlacedOrder> creation;
    private final ReservationQuotaCheck quota;
    private final CoreSettings settings;

    public PlaceOrderService(CarCatalog cars, OrderRepository orders, OrderNumberSequence orderNumbers,
            IdempotencyStore idempotencyStore, TransactionRunner transactions, TimeSource time, IdGenerator ids,
            CoreSettings settings) {
        this.cars = Objects.requireNonNull(cars, "cars");
        this.carLifecycle = new CarLifecycle(cars);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.orderNumbers = Objects.requireNonNull(orderNumbers, "orderNumbers");
        this.creation = new IdempotentCreation<>(idempotencyStore, transactions, time, ids, IDEMPOTENCY_SCOPE,
                this::replay);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quota = new ReservationQuotaCheck(orders, settings.reservationQuota());
    }

    @Override
    public Mono<PlacedOrder> placeOrder(PlaceOrderCommand command) {
        Objects.requireNonNull(command, "command");
        return creation.run(command.idempotencyKey(), () -> fingerprint(command),
                (orderId, now) -> place(new OrderId(orderId), command, now));
    }

    private Mono<PlacedOrder> place(OrderId orderId, PlaceOrderCommand command, Instant now) {
        return carLifecycle.reserve(command.carId())
                .switchIfEmpty(Mono.defer(() -> notReservable(command.carId())))
                .flatMap(price -> quota.check(ReservationHolder.of(command.customer(), command.client()), now)
                        .then(orderNumbers.next())
                        .map(sequence -> newOrder(orderId, command, price, sequence, now)))
                .flatMap(order -> orders.insert(order).thenReturn(new PlacedOrder(order.view(), false)));
    }

    /** Why the car could not be reserved: only read when it could not, so an order costs no car read. */
    private Mono<Money> notReservable(CarId car) {
        return cars.findById(car)
                .flatMap(found -> Failures.<Money>fail(DomainError.CAR_NOT_AVAILABLE))
                .switchIfEmpty(Failures.fail(DomainError.CAR_NOT_FOUND));
    }

    private Order newOrder(OrderId orderId, PlaceOrderCommand command, Money price, long sequence, Instant now) {
        OrderNumber number = OrderNumber.of(now.atZone(ZoneOffset.UTC).getYear(), sequence);
        // The price is the car's as stored when it was reserved, never anything the client sent.
        return new Order(orderId, number, OrderStatus.PENDING_PAYMENT, command.carId(), price,
                command.customer(), command.deliveryOption(), command.deliveryAddress(), command.notes(), now,
                now.plus(settings.orderTimeToLive()), command.client());
    }

    private Mono<PlacedOrder> replay(UUID orderId) {
        return orders.findById(new OrderId(orderId)).map(order -> new PlacedOrder(order.view(), true));
    }

    /** Every field of the request body, so only a byte-for-byte same request replays. */
    static String fingerprint(PlaceOrderCommand command) {
        DeliveryAddress address = command.deliveryAddress();
        boolean hasAddress = address != null;
        return RequestFingerprint.sha256()
                .field("carId", command.carId().value().toString())
                .field("customer.fullName", command.customer().fullName())
                .field("customer.email", command.customer().email())
                .field("customer.phone", command.customer().phone())
                .field("deliveryOption", command.deliveryOption().name())
                .field("deliveryAddress.line1", hasAddress ? address.line1() : null)
                .field("deliveryAddress.city", hasAddress ? address.city() : null)
                .field("deliveryAddress.postalCode", hasAddress ? address.postalCode() : null)
                .field("deliveryAddress.country", hasAddress ? address.country() : null)
                .field("notes", command.notes())
                .hex();
    }
}
