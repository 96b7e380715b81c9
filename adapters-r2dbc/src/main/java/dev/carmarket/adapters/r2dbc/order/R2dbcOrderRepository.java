package dev.carmarket.adapters.r2dbc.order;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.adapters.r2dbc.support.StatusTransition;
import dev.carmarket.adapters.r2dbc.support.StoreFailures;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.ActiveReservations;
import dev.carmarket.ports.domain.order.ClientNetwork;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryAddress;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.Order;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderNumber;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.ReservationHolder;
import dev.carmarket.ports.out.order.OrderRepository;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OrderRepository} on PostgreSQL. The partial unique index
 * {@code orders_one_live_order_per_car} enforces one live order per car across instances; its
 * violation surfaces as {@code CAR_NOT_AVAILABLE} (see StoreFailures).
 */
public final class R2dbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "id, order_number, status, car_id, amount, currency, customer_full_name,"
            + " customer_email, customer_phone, delivery_option, delivery_line1, delivery_city,"
            + " delivery_postal_code, delivery_country, notes, created_at, expires_at, client_network";

    /**
     * Two locks, customer then client network, in that order in every transaction so that two of them can
     * never wait for each other. The namespaces (1, 2) keep a customer and a network that hash alike apart;
     * two keys of one namespace that collide only make their holders wait for each other.
     */
    private static final String LOCK_HOLDER = "SELECT pg_advisory_xact_lock(1, hashtext(:customer)),"
            + " pg_advisory_xact_lock(2, hashtext(:client))";

    /**
     * A statement of its own after the locks: under READ COMMITTED it sees every order that the
     * transactions which held the locks before this one committed.
     */
    private static final String COUNT_ACTIVE = "SELECT"
            + " array_agg(expires_at ORDER BY expires_at) FILTER (WHERE reservation_customer = :customer) AS by_customer,"
            + " array_agg(expires_at ORDER BY expires_at) FILTER (WHERE client_network = :client) AS by_client"
            + " FROM orders WHERE status = 'PENDING_PAYMENT' AND expires_at > :now"
            + " AND (reservation_customer = :customer OR client_network = :client)";

    /** The unique index on {@code order_number} (PostgreSQL's name for the column's UNIQUE constraint). */
    static final String ORDER_NUMBER_INDEX = "orders_order_number_key";

    private final DatabaseClient client;
    private final StoreCalls calls;
    private final StatusTransition statusTransition;
    private final R2dbcOrderNumberSequence orderNumbers;

    /** @param orderNumbers told when an order's number was already used, so it drops the numbers it holds */
    public R2dbcOrderRepository(DatabaseClient client, StoreCalls calls, R2dbcOrderNumberSequence orderNumbers) {
        this.client = client;
        this.calls = calls;
        this.orderNumbers = orderNumbers;
        this.statusTransition = new StatusTransition(client, calls, "orders", "order.change_status");
    }

    @Override
    public Mono<Void> insert(Order order) {
        DeliveryAddress address = order.deliveryAddress();
        Binder values = new Binder()
                .bind("id", order.id().value())
                .bind("orderNumber", order.number().value())
                .bind("status", order.status().name())
                .bind("carId", order.carId().value())
                .bind("amount", order.amount().amount())
                .bind("currency", order.amount().currency())
                .bind("fullName", order.customer().fullName())
                .bind("email", order.customer().email())
                .bind("phone", order.customer().phone())
                .bind("deliveryOption", order.deliveryOption().name())
                .bindNullable("line1", address == null ? null : address.line1(), String.class)
                .bindNullable("city", address == null ? null : address.city(), String.class)
                .bindNullable("postalCode", address == null ? null : address.postalCode(), String.class)
                .bindNullable("country", address == null ? null : address.country(), String.class)
                .bindNullable("notes", order.notes(), String.class)
                .bind("createdAt", order.createdAt())
                .bind("expiresAt", order.expiresAt())
                .bind("client", order.client().value())
                .bind("customerKey", order.holder().customer());
        return calls.mono("order.insert", values.applyTo(client, "INSERT INTO orders (" + COLUMNS
                        + ", reservation_customer) VALUES (:id, :orderNumber, :status, :carId, :amount, :currency,"
                        + " :fullName, :email, :phone, :deliveryOption, :line1, :city, :postalCode, :country, :notes,"
                        + " :createdAt, :expiresAt, :client, :customerKey)")
                .then())
                // The order fails (STORE_UNAVAILABLE, so the client retries); its retry takes a fresh number.
                .doOnError(failure -> {
                    if (StoreFailures.violates(failure, ORDER_NUMBER_INDEX)) {
                        orderNumbers.forgetTaken();
                    }
                });
    }

    @Override
    public Mono<Order> findById(OrderId id) {
        return calls.mono("order.find_by_id", client.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .bind("id", id.value())
                .map(R2dbcOrderRepository::order)
                .one());
    }

    @Override
    public Mono<Boolean> changeStatus(OrderId id, OrderStatus expected, OrderStatus next) {
        return statusTransition.change(id.value(), expected, next);
    }

    @Override
    public Mono<ActiveReservations> lockAndCountActive(ReservationHolder holder, Instant now) {
        return calls.mono("order.lock_holder", client.sql(LOCK_HOLDER)
                        .bind("customer", holder.customer())
                        .bind("client", holder.client().value())
                        .then())
                .then(calls.mono("order.count_active", client.sql(COUNT_ACTIVE)
                        .bind("customer", holder.customer())
                        .bind("client", holder.client().value())
                        .bind("now", now)
                        .map(row -> new ActiveReservations(held(row.get("by_customer", Instant[].class)),
                                held(row.get("by_client", Instant[].class))))
                        .one()));
    }

    /** No matching row aggregates to NULL. */
    private static ActiveReservations.Held held(Instant[] expiries) {
        return expiries == null ? ActiveReservations.Held.NONE : new ActiveReservations.Held(List.of(expiries));
    }

    @Override
    public Flux<Order> findExpiredPending(Instant now, int limit) {
        return calls.flux("order.find_expired_pending", client.sql("SELECT " + COLUMNS + " FROM orders WHERE status = 'PENDING_PAYMENT'"
                        + " AND expires_at <= :now ORDER BY expires_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(R2dbcOrderRepository::order)
                .all());
    }

    private static Order order(Readable row) {
        DeliveryOption option = DeliveryOption.valueOf(row.get("delivery_option", String.class));
        DeliveryAddress address = option == DeliveryOption.DELIVERY
                ? new DeliveryAddress(row.get("delivery_line1", String.class), row.get("delivery_city", String.class),
                        row.get("delivery_postal_code", String.class), row.get("delivery_country", String.class))
                : null;
        return new Order(
                new OrderId(row.get("id", UUID.class)),
                new OrderNumber(row.get("order_number", String.class)),
                OrderStatus.valueOf(row.get("status", String.class)),
                new CarId(row.get("car_id", UUID.class)),
                new Money(row.get("amount", BigDecimal.class), row.get("currency", String.class)),
                new Customer(row.get("customer_full_name", String.class), row.get("customer_email", String.class),
                        row.get("customer_phone", String.class)),
                option,
                address,
                row.get("notes", String.class),
                row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class),
                clientNetwork(row.get("client_network", String.class)));
    }

    /** Orders placed by a release before the quota have no network. */
    private static ClientNetwork clientNetwork(String stored) {
        return stored == null ? ClientNetwork.UNKNOWN : new ClientNetwork(stored);
    }
}
