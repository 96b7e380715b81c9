package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.CheckoutFlow;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.adapters.web.support.WebhookSigner;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class PaymentWebhookTest extends WebAdapterTest {

    static final long NOW = WebAdapterHarness.NOW.getEpochSecond();
    static final String ACK = "{\"success\":true,\"data\":{\"received\":true}}";

    static String car(int n) {
        return "9e8d7c6b-0000-4000-8000-%012d".formatted(n);
    }


    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(12, n -> TestCars.car().id(car(n)).build());
    }

    /** A pending payment for the car's order. */
    JsonNode pendingPayment(int carNumber) {
        return flow.startPayment(flow.placeOrder(car(carNumber)).get("id").asString());
    }

    static String event(String eventId, String type, JsonNode payment, String amount, String currency) {
        return """
                {"eventId":"%s","type":"%s","providerReference":"%s","amount":%s,"currency":"%s",
                 "occurredAt":"2026-11-26T11:59:30Z"}"""
                .formatted(eventId, type, payment.get("providerReference").asString(), amount, currency);
    }

    static String succeeded(String eventId, JsonNode payment) {
        return event(eventId, "payment.succeeded", payment, "18990.00", "EUR");
    }

    void assertAcknowledged(WebTestClient.ResponseSpec response) {
        response.expectHeader().cacheControl(CacheControl.noStore());
        assertThat(success(response, 200, "webhook-ack-response.json").toString()).isEqualTo(ACK);
    }

    String paymentStatus(JsonNode payment) {
        return flow.getData("/payments/" + payment.get("id").asString(), "payment-response.json")
                .get("status").asString();
    }

    String orderStatus(JsonNode payment) {
        return flow.getData("/orders/" + payment.get("orderId").asString(), "order-response.json")
                .get("status").asString();
    }

    String carStatus(int carNumber) {
        return flow.getData("/car-details/" + car(carNumber), "car-details-response.json").get("status").asString();
    }

    @Test
    void aSignedSuccessCapturesThePaymentPaysTheOrderAndSellsTheCar() {
        JsonNode payment = pendingPayment(1);

        assertAcknowledged(flow.deliverSignedWebhook(succeeded("evt_ok_1", payment)));

        assertThat(paymentStatus(payment)).isEqualTo("CAPTURED");
        assertThat(orderStatus(payment)).isEqualTo("PAID");
        assertThat(carStatus(1)).isEqualTo("SOLD");
    }

    @Test
    void aSignedFailureFailsThePaymentAndLeavesTheOrderPayable() {
        JsonNode payment = pendingPayment(2);

        assertAcknowledged(flow.deliverSignedWebhook(
                event("evt_fail_2", "payment.failed", payment, "18990.00", "EUR")));

        assertThat(paymentStatus(payment)).isEqualTo("FAILED");
        assertThat(orderStatus(payment)).isEqualTo("PENDING_PAYMENT");
        flow.startPayment(payment.get("orderId").asString());
    }

    @Test
    void aDuplicateEventIsAcknowledgedAgainWithoutASecondChange() {
        JsonNode payment = pendingPayment(3);
        String failure = event("evt_dup_3", "payment.failed", payment, "18990.00", "EUR");
        assertAcknowledged(flow.deliverSignedWebhook(failure));
        JsonNode retry = flow.startPayment(payment.get("orderId").asString());

        assertAcknowledged(flow.deliverSignedWebhook(failure));

        assertThat(paymentStatus(payment)).isEqualTo("FAILED");
        assertThat(paymentStatus(retry)).isEqualTo("PENDING");
        assertThat(orderStatus(payment)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void anAmountOrCurrencyMismatchIsA422AndChangesNothing() {
        JsonNode payment = pendingPayment(4);

        errorMessage(flow.deliverSignedWebhook(event("evt_amount_4", "payment.succeeded", payment, "1.00", "EUR")),
                422, "Payment event does not match the payment amount or currency");
        errorMessage(flow.deliverSignedWebhook(event("evt_currency_4", "payment.succeeded", payment, "18990.00",
                "USD")), 422, "Payment event does not match the payment amount or currency");

        assertThat(paymentStatus(payment)).isEqualTo("PENDING");
        assertThat(orderStatus(payment)).isEqualTo("PENDING_PAYMENT");
        assertThat(carStatus(4)).isEqualTo("RESERVED");
    }

    @Test
    void signaturesThatDoNotAuthenticateAreA401AndChangeNothing() {
        JsonNode payment = pendingPayment(5);
        String body = succeeded("evt_forged_5", payment);
        String tampered = body.replace("18990.00", "18990.01");

        for (String signature : new String[] {
            WebhookSigner.signature("another-secret-0123456789abcdef0123", NOW, body),
            WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET, NOW, tampered),
            WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET, NOW - 301, body),
            WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET, NOW + 301, body),
            "t=" + NOW + ",v1=nothex",
            "sha256=abc",
            null}) {
            errorMessage(flow.deliverWebhook(signature, body), 401, "Invalid webhook signature");
        }

        assertThat(paymentStatus(payment)).isEqualTo("PENDING");
        assertThat(orderStatus(payment)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aSignatureAtTheEdgeOfTheToleranceIsAccepted() {
        JsonNode payment = pendingPayment(6);
        String body = succeeded("evt_edge_6", payment);

        assertAcknowledged(flow.deliverWebhook(
                WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET, NOW - 300, body), body));

        assertThat(paymentStatus(payment)).isEqualTo("CAPTURED");
    }

    @Test
    void anEventForAnUnknownPaymentIsA404() {
        String body = """
                {"eventId":"evt_unknown","type":"payment.succeeded","providerReference":"psp_unknown",
                 "amount":10.00,"currency":"EUR","occurredAt":"2026-11-26T11:59:30Z"}""";

        errorMessage(flow.deliverSignedWebhook(body), 404, "Payment not found");
    }

    @Test
    void anAuthenticBodyIsStillValidatedStrictly() {
        JsonNode payment = pendingPayment(7);

        validationError(flow.deliverSignedWebhook(event("evt_bad_7", "payment.refunded", payment, "-1", "EURO")),
                "type must be one of the following values: payment.succeeded, payment.failed",
                "amount must not be negative",
                "currency must be an ISO-4217 code");
        validationError(flow.deliverSignedWebhook("{\"eventId\":\"evt_x\",\"livemode\":true}"),
                "property livemode should not exist",
                "type should not be empty",
                "providerReference should not be empty",
                "amount should not be empty",
                "currency should not be empty",
                "occurredAt should not be empty");
        validationError(flow.deliverSignedWebhook(
                        succeeded("evt_bad_date_7", payment).replace("2026-11-26T11:59:30Z", "yesterday")),
                "occurredAt must be a valid ISO 8601 date string");

        assertThat(paymentStatus(payment)).isEqualTo("PENDING");
    }

    @Test
    void aWebhookThatIsNotJsonIsA415() {
        String body = succeeded("evt_text", pendingPayment(8));

        errorMessage(client.post().uri("/payments/webhook").contentType(MediaType.TEXT_PLAIN)
                        .header("X-Signature", WebhookSigner.signature(WebAdapterHarness.WEBHOOK_SECRET, NOW, body))
                        .bodyValue(body).exchange(),
                415, "Content-Type must be application/json");
    }
}
