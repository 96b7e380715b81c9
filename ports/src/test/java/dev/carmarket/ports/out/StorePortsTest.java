package dev.carmarket.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class StorePortsTest {

    private final StorePorts store = new StorePorts(standIn(CarCatalog.class), standIn(OrderRepository.class),
            standIn(OrderNumberSequence.class), standIn(PaymentRepository.class), standIn(ProcessedEventStore.class),
            standIn(IdempotencyStore.class), standIn(TransactionRunner.class));

    /** A port whose methods are never called here: only its identity matters. */
    private static <T> T standIn(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> port.getSimpleName();
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    @Test
    void aDecoratorThatOverridesNothingKeepsEveryPort() {
        assertThat(store.decorate(new StorePorts.Decorator() { })).isEqualTo(store);
    }

    @Test
    void aDecoratorReplacesOnlyThePortsItOverridesAndSeesTheOriginal() {
        OrderRepository replacement = standIn(OrderRepository.class);
        StorePorts decorated = store.decorate(new StorePorts.Decorator() {
            @Override
            public OrderRepository orderRepository(OrderRepository port) {
                assertThat(port).isSameAs(store.orderRepository());
                return replacement;
            }
        });

        assertThat(decorated.orderRepository()).isSameAs(replacement);
        assertThat(decorated).isEqualTo(new StorePorts(store.carCatalog(), replacement, store.orderNumberSequence(),
                store.paymentRepository(), store.processedEventStore(), store.idempotencyStore(),
                store.transactionRunner()));
    }

    @Test
    void namesAMissingPort() {
        assertThatNullPointerException()
                .isThrownBy(() -> new StorePorts(store.carCatalog(), store.orderRepository(), store.orderNumberSequence(),
                        store.paymentRepository(), null, store.idempotencyStore(), store.transactionRunner()))
                .withMessage("processedEventStore");
    }
}
