package dev.carmarket.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.core.car.CarLifecycle;
import dev.carmarket.core.common.Lifecycle;
import dev.carmarket.core.order.OrderLifecycle;
import dev.carmarket.core.payment.PaymentLifecycle;
import dev.carmarket.core.support.TestCommands;
import dev.carmarket.core.support.TestMarket;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.order.Customer;
import dev.carmarket.ports.domain.order.DeliveryOption;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.order.OrderStatus;
import dev.carmarket.ports.domain.order.OrderView;
import dev.carmarket.ports.domain.order.PlaceOrderCommand;
import dev.carmarket.ports.testing.TestOrders;
import dev.carmarket.ports.domain.order.PlacedOrder;
import dev.carmarket.ports.domain.payment.Payment;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.PaymentStatus;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import dev.carmarket.ports.domain.payment.StartedPayment;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestCars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import reactor.core.publisher.Mono;

/**
 * Random rounds of operations on a small market; the steps of one round run at the same
 * time on parallel workers. After every round the cars, orders and payments must agree
 * with each other and must have moved only along their state machines.
 */
class MarketInvariantsPropertyTest {

    private static final int CARS = 3;
    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("Jane Doe", "jane@example.com", "+4915112345678"),
            new Customer("John Roe", "john@example.com", "+4915187654321"));

    @Provide
    Arbitrary<List<List<Step>>> rounds() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> key = Arbitraries.integers().between(-1, 2);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, CARS - 1),
                        Arbitraries.integers().between(0, CUSTOMERS.size() - 1), key).as(Place::new)),
                Tuple.of(3, Combinators.combine(index, Arbitraries.of(PaymentMethod.class), key).as(Pay::new)),
                Tuple.of(3, index.map(Succeed::new)),
                Tuple.of(2, index.map(Fail::new)),
                Tuple.of(1, index.map(Redeliver::new)),
                Tuple.of(1, index.map(Tamper::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 40).map(Advance::new)),
                Tuple.of(2, Arbitraries.just(new Expire())));
        return step.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 200)
    void theMarketStaysConsistentWhateverHappensInWhateverOrder(@ForAll("rounds") List<List<Step>> rounds) {
        Market market = new Market();
        for (List<Step> round : rounds) {
            market.play(round);
            market.checkInvariants();
        }
    }

    /** One operation. It acts on ids known before its round, so that a round's steps are independent. */
    interface Step {

        /** Completes empty when there is nothing to act on yet. */
        Mono<?> run(Market market);

        /** Checks what the step answered (a value or an error) and remembers new ids. */
        void check(Object result, Market market);
    }

    /** {@code key} picks from a small pool so that keys get reused; -1 sends none. */
    record Place(int car, int customer, int key) implements Step {

        @Override
        public Mono<?> run(Market market) {
            return market.test.core().placeOrder().placeOrder(new PlaceOrderCommand(market.cars.get(car).id(),
                    CUSTOMERS.get(customer), DeliveryOption.PICKUP, null, null, Market.key("order-", key),
                    TestOrders.CLIENT));
        }

        @Override
        public void check(Object result, Market market) {
            if (result instanceof PlacedOrder placed) {
                Market.remember(placed.order().id(), placed.replayed(), Market.keyName("order-", key), market.orders,
                        market.orderByKey);
            } else {
                assertDomainError(result, DomainError.CAR_NOT_AVAILABLE, DomainError.IDEMPOTENCY_KEY_REUSED);
            }
        }
    }

    record Pay(int order, PaymentMethod method, int key) implements Step {

        @Override
        public Mono<?> run(Market market) {
            OrderId id = Market.pick(market.orders, order);
            return id == null ? Mono.empty() : market.test.core().startPayment().startPayment(
                    new StartPaymentCommand(id, method, TestCommands.RETURN_URL, Market.key("payment-", key)));
        }

        @Override
        public void check(Object result, Market market) {
            if (result instanceof StartedPayment started) {
                Market.remember(started.payment().id(), started.replayed(), Market.keyName("payment-", key),
                        market.paymentIds, market.paymentByKey);
                if (!started.replayed()) {
                    market.payments.add(started.payment());
                }
            } else {
                assertDomainError(result, DomainError.ORDER_NOT_PAYABLE, DomainError.PAYMENT_ALREADY_STARTED,
                        DomainError.IDEMPOTENCY_KEY_REUSED);
            }
        }
    }

    /** What handling an event answered, with the event, so that it can be redelivered later. */
    record Handled(PaymentEvent event, PaymentEventOutcome outcome) {
    }

    record Succeed(int payment) implements Step {

        @Override
        public Mono<?> run(Market market) {
            return market.send(payment, market.test::succeeded);
        }

        @Override
        public void check(Object result, Market market) {
            market.rememberHandled(result, PaymentEventOutcome.APPLIED, PaymentEventOutcome.IGNORED,
                    PaymentEventOutcome.LATE_CAPTURE);
        }
    }

    record Fail(int payment) implements Step {

        @Override
        public Mono<?> run(Market market) {
            return market.send(payment, market.test::failed);
        }

        @Override
        public void check(Object result, Market market) {
            market.rememberHandled(result, PaymentEventOutcome.APPLIED, PaymentEventOutcome.IGNORED);
        }
    }

    /** Sends an event that was handled before once more. */
    record Redeliver(int event) implements Step {

        @Override
        public Mono<?> run(Market market) {
            PaymentEvent again = Market.pick(market.handledEvents, event);
            return again == null ? Mono.empty() : market.test.core().handlePaymentEvent().handle(again);
        }

        @Override
        public void check(Object result, Market market) {
            assertThat(result).isEqualTo(PaymentEventOutcome.DUPLICATE);
        }
    }

    /** A success event whose amount is not the payment's. */
    record Tamper(int payment) implements Step {

        @Override
        public Mono<?> run(Market market) {
            return market.send(payment, paid -> {
                PaymentEvent event = market.test.succeeded(paid);
                Money more = new Money(event.amount().amount().add(BigDecimal.ONE), event.amount().currency());
                return new PaymentEvent(event.eventId(), event.type(), event.providerReference(), more,
                        event.occurredAt());
            });
        }

        @Override
        public void check(Object result, Market market) {
            assertDomainError(result, DomainError.PAYMENT_EVENT_MISMATCH);
        }
    }

    record Advance(int minutes) implements Step {

        @Override
        public Mono<?> run(Market market) {
            return Mono.fromRunnable(() -> market.test.advance(Duration.ofMinutes(minutes)));
        }

        @Override
        public void check(Object result, Market market) {
            throw new AssertionError("advancing the clock answers nothing, got " + result);
        }
    }

    record Expire() implements Step {

        @Override
        public Mono<?> run(Market market) {
            return market.test.core().expireOrders().expireDueOrders();
        }

        @Override
        public void check(Object result, Market market) {
            assertThat(result).isInstanceOfSatisfying(Integer.class, count -> assertThat(count).isNotNegative());
        }
    }

    private static void assertDomainError(Object result, DomainError... allowed) {
        assertThat(result).isInstanceOfSatisfying(DomainException.class,
                error -> assertThat(error.error()).isIn((Object[]) allowed));
    }

    /** A test market plus every id its use cases handed out. */
    static final class Market {

        private final TestMarket test = TestMarket.create();
        private final List<CarDetails> cars = IntStream.range(0, CARS)
                .mapToObj(i -> test.list(TestCars.car().price((10_000 + 1_000 * i) + ".00").build()))
                .toList();
        private final List<OrderId> orders = new ArrayList<>();
        private final List<PaymentId> paymentIds = new ArrayList<>();
        private final List<Payment> payments = new ArrayList<>();
        private final List<PaymentEvent> handledEvents = new ArrayList<>();
        private final Map<String, OrderId> orderByKey = new HashMap<>();
        private final Map<String, PaymentId> paymentByKey = new HashMap<>();
        private Map<Object, Enum<?>> statusesAfterLastRound = Map.of();

        private record Answer(Step step, Object result) {
        }

        /** Runs the steps at once, then checks their answers one by one; ids are only added in between rounds. */
        void play(List<Step> round) {
            List<Object> answers = Concurrently.run(round.size(), i -> {
                Step step = round.get(i);
                return step.run(this)
                        .<Object>map(result -> result)
                        .onErrorResume(Mono::just)
                        .map(result -> new Answer(step, result));
            }).block();
            answers.stream()
                    .filter(Answer.class::isInstance) // a skipped step completed empty
                    .map(Answer.class::cast)
                    .forEach(answer -> answer.step().check(answer.result(), this));
        }

        Mono<Handled> send(int paymentIndex, Function<Payment, PaymentEvent> eventFor) {
            Payment payment = pick(payments, paymentIndex);
            if (payment == null) {
                return Mono.empty();
            }
            PaymentEvent event = eventFor.apply(payment);
            return test.core().handlePaymentEvent().handle(event).map(outcome -> new Handled(event, outcome));
        }

        void rememberHandled(Object result, PaymentEventOutcome... allowed) {
            assertThat(result).isInstanceOfSatisfying(Handled.class, handled -> {
                assertThat(handled.outcome()).isIn((Object[]) allowed);
                handledEvents.add(handled.event());
            });
        }

        static IdempotencyKey key(String prefix, int index) {
            return index < 0 ? null : new IdempotencyKey(prefix + index);
        }

        static String keyName(String prefix, int index) {
            return index < 0 ? null : prefix + index;
        }

        static <T> T pick(List<T> known, int index) {
            return known.isEmpty() ? null : known.get(index % known.size());
        }

        /** A fresh result is new; a replay answers with what the key's first request created. */
        static <I> void remember(I id, boolean replayed, String key, List<I> known, Map<String, I> byKey) {
            if (replayed) {
                assertThat(key).as("only a keyed request is replayed").isNotNull();
                assertThat(id).isEqualTo(byKey.get(key));
                return;
            }
            assertThat(known).doesNotContain(id);
            known.add(id);
            if (key != null) {
                assertThat(byKey.put(key, id)).as("a key creates once").isNull();
            }
        }

        void checkInvariants() {
            Map<OrderId, OrderView> ordersNow = new HashMap<>();
            orders.forEach(id -> ordersNow.put(id, test.order(id)));
            Map<PaymentId, Payment> paymentsNow = new HashMap<>();
            paymentIds.forEach(id -> paymentsNow.put(id, test.payment(id)));
            Map<Object, Enum<?>> statuses = new HashMap<>();

            for (CarDetails car : cars) {
                CarStatus status = test.carStatus(car.id());
                statuses.put(car.id(), status);
                List<OrderView> ofCar = ordersNow.values().stream().filter(o -> o.carId().equals(car.id())).toList();
                long live = ofCar.stream().filter(o -> o.status() == OrderStatus.PENDING_PAYMENT).count();
                long paid = ofCar.stream().filter(o -> o.status() == OrderStatus.PAID).count();
                assertThat(live + paid).as("live or paid orders of car %s", car.id()).isLessThanOrEqualTo(1);
                assertThat(status == CarStatus.SOLD).as("car sold iff it has a paid order").isEqualTo(paid == 1);
                assertThat(status == CarStatus.RESERVED).as("car reserved iff it has a live order").isEqualTo(live == 1);
                assertThat(ofCar).allSatisfy(o -> assertThat(o.amount()).isEqualTo(car.summary().price()));
            }
            for (OrderView order : ordersNow.values()) {
                statuses.put(order.id(), order.status());
                List<Payment> ofOrder = paymentsNow.values().stream().filter(p -> p.orderId().equals(order.id())).toList();
                assertThat(ofOrder).filteredOn(p -> p.status() != PaymentStatus.FAILED)
                        .as("active payments of order %s", order.id()).hasSizeLessThanOrEqualTo(1);
                assertThat(ofOrder).allSatisfy(p -> assertThat(p.amount()).isEqualTo(order.amount()));
                boolean captured = ofOrder.stream().anyMatch(p -> p.status() == PaymentStatus.CAPTURED);
                if (order.status() == OrderStatus.PAID) {
                    assertThat(captured).as("a paid order has a captured payment").isTrue();
                }
                if (captured) {
                    assertThat(order.status()).as("a captured payment's order is paid, or expired first")
                            .isIn(OrderStatus.PAID, OrderStatus.EXPIRED);
                }
            }
            paymentsNow.forEach((id, payment) -> statuses.put(id, payment.status()));

            statuses.forEach((id, now) -> {
                Enum<?> before = statusesAfterLastRound.get(id);
                assertThat(before == null || before == now || allowed(before, now))
                        .as("%s moved %s -> %s", id, before, now).isTrue();
            });
            statusesAfterLastRound = statuses;
        }

        private static boolean allowed(Enum<?> from, Enum<?> to) {
            if (from instanceof CarStatus car) {
                return allows(CarLifecycle.STATES, car, to);
            }
            if (from instanceof OrderStatus order) {
                return allows(OrderLifecycle.STATES, order, to);
            }
            return allows(PaymentLifecycle.STATES, (PaymentStatus) from, to);
        }

        private static <S extends Enum<S>> boolean allows(Lifecycle<S> lifecycle, S from, Enum<?> to) {
            return lifecycle.allows(from, from.getDeclaringClass().cast(to));
        }
    }
}
