package dev.carmarket.adapters.web.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A test class whose tests share one running {@link WebAdapterHarness}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebAdapterTest {

    protected WebAdapterHarness harness;
    protected WebTestClient client;
    protected CheckoutFlow flow;

    /** Adds this class's cars, use-case doubles or settings to the harness. */
    protected abstract WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness);

    @BeforeAll
    final void startHarness() {
        harness = configure(WebAdapterHarness.builder()).start();
        client = harness.client();
        flow = new CheckoutFlow(client);
    }

    @AfterAll
    final void stopHarness() {
        harness.close();
    }
}
