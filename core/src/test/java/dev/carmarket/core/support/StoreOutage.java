package dev.carmarket.core.support;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * A port whose one operation fails the way a store outage surfaces ({@code STORE_UNAVAILABLE})
 * while every other operation reaches the real in-memory adapter.
 */
public final class StoreOutage {

    private StoreOutage() {
    }

    public static <T> T failing(Class<T> port, T real, String operation) {
        if (Arrays.stream(port.getMethods()).noneMatch(method -> method.getName().equals(operation))) {
            throw new IllegalArgumentException(port.getSimpleName() + " has no operation " + operation);
        }
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (self, method, args) -> operation.equals(method.getName())
                        ? Mono.error(new DomainException(DomainError.STORE_UNAVAILABLE))
                        : invoke(method, real, args));
        return port.cast(proxy);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}
