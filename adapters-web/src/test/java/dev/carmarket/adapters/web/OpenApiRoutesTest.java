package dev.carmarket.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.openapi.ApiOperation;
import dev.carmarket.adapters.web.support.openapi.OpenApiContract;
import dev.carmarket.adapters.web.support.openapi.RouterOperations;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * Every route the adapter's routers serve is an operation of contract/openapi.yaml. The other direction,
 * every documented operation is served, needs the whole application (GET /metrics is the actuator's):
 * bootstrap's OpenApiRoutesTest.
 */
class OpenApiRoutesTest {

    @Test
    void everyRouteTheAdapterServesIsDocumented() {
        SortedSet<ApiOperation> served;
        try (WebAdapterHarness harness = WebAdapterHarness.builder().start()) {
            served = RouterOperations.of(harness.routers());
        }

        assertThat(served).as("the adapter serves routes").isNotEmpty();
        assertThat(OpenApiContract.load().operations()).containsAll(served);
    }
}
