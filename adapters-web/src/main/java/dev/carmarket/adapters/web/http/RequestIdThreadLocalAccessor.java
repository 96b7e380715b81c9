package dev.carmarket.adapters.web.http;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Mirrors the request id of the Reactor Context ({@link RequestIds#CONTEXT_KEY}) into the SLF4J MDC
 * key {@link #MDC_KEY} wherever Reactor runs code for the request. With automatic context
 * propagation on ({@code Hooks.enableAutomaticContextPropagation()}), every log line of the request
 * carries it, also those of the core and the store adapters, which never see the id.
 * Found by {@code ContextRegistry} through {@code META-INF/services}.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

    public static final String MDC_KEY = "requestId";

    @Override
    public Object key() {
        return RequestIds.CONTEXT_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(MDC_KEY);
    }

    @Override
    public void setValue(String requestId) {
        MDC.put(MDC_KEY, requestId);
    }

    @Override
    public void setValue() {
        MDC.remove(MDC_KEY);
    }
}
