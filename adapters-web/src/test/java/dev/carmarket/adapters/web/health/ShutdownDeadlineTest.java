package dev.carmarket.adapters.web.health;

import static dev.carmarket.adapters.web.support.ContractAssertions.REQUEST_ID;
import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** At the shutdown deadline a request still running gets a 503 envelope instead of a cut connection. */
class ShutdownDeadlineTest {

    private static final String SOME_ID = "3f2e1d0c-0000-4000-8000-000000000001";

    @Test
    void aRequestStillRunningAtTheDeadlineIsAnswered503() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        GetCarDetailsUseCase neverAnswers = id -> Mono.<CarDetails>never()
                .doOnSubscribe(subscription -> started.countDown());
        try (WebAdapterHarness harness = WebAdapterHarness.builder()
                .override(GetCarDetailsUseCase.class, neverAnswers).start()) {
            WebTestClient client = harness.client();
            CompletableFuture<WebTestClient.ResponseSpec> slow = CompletableFuture.supplyAsync(
                    () -> client.get().uri("/car-details/" + SOME_ID).header(REQUEST_ID, "slow-1").exchange());
            assertThat(started.await(5, TimeUnit.SECONDS)).as("the slow request reached its use case").isTrue();
            assertThat(slow).isNotDone();

            harness.shutdownDeadline().reach();

            JsonNode cutOff = errorMessage(slow.get(5, TimeUnit.SECONDS), 503,
                    "The service is shutting down; retry the request");
            assertThat(cutOff.get("requestId").asString()).isEqualTo("slow-1");
        }
    }
}
