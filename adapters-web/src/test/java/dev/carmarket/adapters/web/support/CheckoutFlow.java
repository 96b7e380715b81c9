package dev.carmarket.adapters.web.support;

import static dev.carmarket.adapters.web.support.ContractAssertions.success;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The checkout over HTTP: placing an order, starting its payment, the provider's webhook. */
public final class CheckoutFlow {

    private final WebTestClient client;

    public CheckoutFlow(WebTestClient client) {
        this.client = client;
    }

    public static String pickupOrderBody(String carId) {
        return """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"PICKUP"}""".formatted(carId);
    }

    public static String cardPaymentBody(String orderId) {
        return """
                {"orderId":"%s","method":"CARD","returnUrl":"https://shop.example/return"}""".formatted(orderId);
    }

    /** Places a PICKUP order for the car; returns the order. */
    public JsonNode placeOrder(String carId) {
        return success(postJson("/orders", pickupOrderBody(carId)), 201, "order-response.json").get("data");
    }

    /** Starts a CARD payment of the order; returns the payment. */
    public JsonNode startPayment(String orderId) {
        return success(postJson("/payments", cardPaymentBody(orderId)), 201, "payment-response.json").get("data");
    }

    /** Delivers a webhook body with the given {@code X-Signature} (none when null). */
    public WebTestClient.ResponseSpec deliverWebhook(String signature, String body) {
        WebTestClient.RequestBodySpec request = client.post().uri("/payments/webhook")
                .contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return request.bodyValue(body).exchange();
    }

    /** Delivers a webhook body signed the way the provider signs it, now. */
    public WebTestClient.ResponseSpec deliverSignedWebhook(String body) {
        return deliverWebhook(WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET,
                WebAdapterHarness.NOW.getEpochSecond(), body), body);
    }

    public JsonNode getData(String path, String schema) {
        return success(client.get().uri(path).exchange(), 200, schema).get("data");
    }

    public WebTestClient.ResponseSpec postJson(String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
