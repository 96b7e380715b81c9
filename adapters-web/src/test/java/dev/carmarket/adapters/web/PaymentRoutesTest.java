package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.CheckoutFlow;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class PaymentRoutesTest extends WebAdapterTest {

    static String car(int n) {
        return "7a6b5c4d-0000-4000-8000-%012d".formatted(n);
    }

    static final String UNKNOWN = "7a6b5c4d-0000-4000-8000-999999999999";


    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(10, n -> TestCars.car().id(car(n)).price("25000.10").build());
    }

    WebTestClient.ResponseSpec post(String idempotencyKey, String body) {
        return client.post().uri("/payments").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void startingAPaymentChargesTheOrdersAmountAndCanBeReadBack() {
        String orderId = flow.placeOrder(car(1)).get("id").asString();

        WebTestClient.ResponseSpec started = flow.postJson("/payments", CheckoutFlow.cardPaymentBody(orderId));
        started.expectHeader().cacheControl(CacheControl.noStore());
        JsonNode payment = success(started, 201, "payment-response.json").get("data");

        assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("method").asString()).isEqualTo("CARD");
        assertThat(payment.get("amount").toString()).isEqualTo("25000.10");
        assertThat(payment.get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("providerReference").asString()).startsWith("psp_");
        assertThat(payment.get("checkoutUrl").asString()).startsWith("https://");
        assertThat(payment.get("createdAt").asString()).isEqualTo("2026-11-26T12:00:00Z");

        WebTestClient.ResponseSpec read = client.get().uri("/payments/" + payment.get("id").asString()).exchange();
        read.expectHeader().cacheControl(CacheControl.noStore());
        assertThat(success(read, 200, "payment-response.json").get("data")).isEqualTo(payment);
    }

    @Test
    void aSecondPaymentForTheSameOrderIsA409() {
        String orderId = flow.placeOrder(car(2)).get("id").asString();
        flow.startPayment(orderId);

        errorMessage(flow.postJson("/payments", CheckoutFlow.cardPaymentBody(orderId)), 409,
                "Order already has a payment in progress");
    }

    @Test
    void theSameIdempotencyKeyReplaysAndAnotherBodyUnderItIsA422() {
        String orderId = flow.placeOrder(car(3)).get("id").asString();
        JsonNode first = success(post("pay-3", CheckoutFlow.cardPaymentBody(orderId)), 201, "payment-response.json");

        WebTestClient.ResponseSpec replay = post("pay-3", CheckoutFlow.cardPaymentBody(orderId));
        replay.expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(success(replay, 201, "payment-response.json")).isEqualTo(first);

        errorMessage(post("pay-3", "{\"orderId\":\"%s\",\"method\":\"BANK_TRANSFER\"}".formatted(orderId)), 422,
                "Idempotency-Key reused with a different payload");
    }

    @Test
    void anUnknownOrderIsA404() {
        errorMessage(flow.postJson("/payments", CheckoutFlow.cardPaymentBody(UNKNOWN)), 404, "Order not found");
    }

    @Test
    void invalidPaymentRequestsNameEachProblem() {
        validationError(flow.postJson("/payments", "{}"),
                "orderId should not be empty",
                "method should not be empty");
        validationError(flow.postJson("/payments", "{\"orderId\":\"x\",\"method\":\"CASH\",\"returnUrl\":\"::\"}"),
                "orderId must be a UUID",
                "method must be one of the following values: CARD, BANK_TRANSFER",
                "returnUrl must be an https URL");
        validationError(flow.postJson("/payments",
                        "{\"orderId\":\"%s\",\"method\":\"CARD\",\"returnUrl\":\"http://shop.example/r\"}"
                                .formatted(UNKNOWN)),
                "returnUrl must be an https URL");
        validationError(flow.postJson("/payments", "{\"orderId\":\"%s\",\"method\":1}".formatted(UNKNOWN)),
                "method must be a string");
    }

    @Test
    void unknownAndMalformedPaymentIds() {
        errorMessage(client.get().uri("/payments/" + UNKNOWN).exchange(), 404, "Payment not found");
        validationError(client.get().uri("/payments/nope").exchange(), "id must be a UUID");
    }
}
