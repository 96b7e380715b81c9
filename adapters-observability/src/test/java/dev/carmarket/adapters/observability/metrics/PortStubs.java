package dev.carmarket.adapters.observability.metrics;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A stub of any outbound port: every method answers with the same publisher, adapted to its return type. */
final class PortStubs {

    private PortStubs() {
    }

    /** A port whose every call answers with {@code answer}'s publisher; {@code calls} counts the calls. */
    static <P> P answering(Class<P> port, Supplier<? extends Publisher<?>> answer, AtomicInteger calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(answer, args);
                    }
                    calls.incrementAndGet();
                    return adapt(method, answer.get());
                }));
    }

    static <P> P answering(Class<P> port, Supplier<? extends Publisher<?>> answer) {
        return answering(port, answer, new AtomicInteger());
    }

    private static Object adapt(Method method, Publisher<?> publisher) {
        return method.getReturnType() == Flux.class ? Flux.from(publisher) : Mono.from(publisher);
    }
}
