package dev.carmarket.bootstrap.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.http.RequestIdThreadLocalAccessor;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadLocalPropagationTest {

    @Test
    void onlyTheRequestIdIsRestoredAroundReactorOperators() {
        ContextRegistry registry = ContextRegistry.getInstance();
        // As META-INF/services does, in case another test of this JVM started the application already.
        registry.registerThreadLocalAccessor(new ObservationThreadLocalAccessor());
        assertThat(keys(registry)).contains(ObservationThreadLocalAccessor.KEY);

        ThreadLocalPropagation.onlyRequestId();
        ThreadLocalPropagation.onlyRequestId();

        assertThat(keys(registry)).containsExactly(new RequestIdThreadLocalAccessor().key());
    }

    private static List<Object> keys(ContextRegistry registry) {
        return registry.getThreadLocalAccessors().stream().map(ThreadLocalAccessor::key).toList();
    }
}
