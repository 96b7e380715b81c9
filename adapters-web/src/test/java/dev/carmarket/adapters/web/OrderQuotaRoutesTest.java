package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.core.common.ReservationQuota;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The reservation quota as a client meets it: a 429 in the envelope with Retry-After, and nothing stored. */
class OrderQuotaRoutesTest extends WebAdapterTest {

    static String car(int n) {
        return "7a6b5c4d-0000-4000-8000-%012d".formatted(n);
    }

    static String order(int carNumber, String email) {
        return """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"%s","phone":"+4915112345678"},
                 "deliveryOption":"PICKUP"}""".formatted(car(carNumber), email);
    }

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(6, n -> TestCars.car().id(car(n)).build()).reservationQuota(new ReservationQuota(1, 5));
    }

    private WebTestClient.ResponseSpec place(String idempotencyKey, String body) {
        return client.post().uri("/orders").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aCustomerOverTheQuotaGetsA429UntilTheirReservationExpiresAndNothingIsStored() {
        success(place("quota-1", order(1, "quota.jane@example.com")), 201, "order-response.json");
        long ordersBefore = pendingOrders();

        WebTestClient.ResponseSpec refused = place("quota-2", order(2, "Quota.JANE@Example.com"));
        errorMessage(refused, 429, "Too many active reservations");
        // The order placed at the harness's fixed NOW expires 30 minutes later.
        refused.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1800");

        assertThat(pendingOrders()).isEqualTo(ordersBefore);
        assertThat(harness.stores().carCatalog().findById(TestCars.car().id(car(2)).build().id()).block()
                .summary().status().name()).isEqualTo("AVAILABLE");
    }

    /** Every pending order, whatever its expiry. */
    private long pendingOrders() {
        return harness.stores().orderRepository()
                .findExpiredPending(WebAdapterHarness.NOW.plusSeconds(86_400), 1_000).count().block();
    }

    @Test
    void aReplayStillReplaysAndACarThatIsNotAvailableIsStillA409OverTheQuota() {
        String first = order(3, "replay.jane@example.com");
        success(place("quota-3", first), 201, "order-response.json");

        place("quota-3", first).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        errorMessage(place("quota-4", order(3, "replay.jane@example.com")), 409, "Car is not available");
    }
}
