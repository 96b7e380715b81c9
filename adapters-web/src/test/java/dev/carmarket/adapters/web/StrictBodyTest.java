package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.RecordingUnknownPropertyListener;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unknown body properties per route and STRICT_VALIDATION mode, at the top level and nested. */
class StrictBodyTest {

    static String car(int n) {
        return "2c3d4e5f-0000-4000-8000-%012d".formatted(n);
    }

    /** An order that also sends what the DTO does not declare: a price and the customer's age. */
    static String orderWithExtras(String carId) {
        return """
                {"carId":"%s","amount":1,
                 "customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678","age":30},
                 "deliveryOption":"PICKUP"}""".formatted(carId);
    }

    abstract static class Mode extends WebAdapterTest {

        final RecordingUnknownPropertyListener listener = new RecordingUnknownPropertyListener();

        abstract String strictValidation();

        @Override
        protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
            return harness.cars(6, n -> TestCars.car().id(car(n)).build())
                    .strictValidation(strictValidation())
                    .unknownPropertyListener(listener);
        }

        @BeforeEach
        void forget() {
            listener.clear();
        }
    }

    @Nested
    class EnforcedByDefault extends Mode {

        @Override
        String strictValidation() {
            return null;
        }

        @Test
        void unknownPropertiesAtAnyDepthAreA400NamingTheirPaths() {
            validationError(flow.postJson("/orders", orderWithExtras(car(1))),
                    "property amount should not exist",
                    "property customer.age should not exist");

            assertThat(listener.seen()).containsExactly(
                    "POST /orders ENFORCE amount", "POST /orders ENFORCE customer.age");
            assertThat(flow.getData("/car-details/" + car(1), "car-details-response.json").get("status").asString())
                    .isEqualTo("AVAILABLE");
        }

        @Test
        void unknownPropertiesAreReportedTogetherWithTheOtherProblems() {
            validationError(flow.postJson("/orders", "{\"carId\":\"nope\",\"foo\":{\"bar\":1},\"deliveryOption\":7}"),
                    "property foo should not exist",
                    "deliveryOption must be a string");
            validationError(flow.postJson("/orders", "{\"carId\":\"nope\",\"foo\":true,\"deliveryOption\":\"PICKUP\"}"),
                    "property foo should not exist",
                    "carId must be a UUID",
                    "customer should not be empty");
        }

        @Test
        void everyStrictRouteEnforces() {
            String orderId = flow.placeOrder(car(2)).get("id").asString();

            validationError(flow.postJson("/payments",
                            "{\"orderId\":\"%s\",\"method\":\"CARD\",\"amount\":1}".formatted(orderId)),
                    "property amount should not exist");
            validationError(flow.deliverSignedWebhook("{\"eventId\":\"evt_1\",\"type\":\"payment.failed\","
                            + "\"providerReference\":\"psp_x\","
                            + "\"amount\":1.00,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-26T11:00:00Z\","
                            + "\"data\":{\"object\":{}}}"),
                    "property data should not exist");
            assertThat(listener.seen()).containsExactly(
                    "POST /payments ENFORCE amount", "POST /payments/webhook ENFORCE data");
        }
    }

    @Nested
    class ReportAndOff extends Mode {

        @Override
        String strictValidation() {
            return "POST /orders=report,POST /payments=off";
        }

        @Test
        void reportModeLetsTheRequestThroughIgnoringAndReportingTheUnknownProperties() {
            JsonNode order = success(flow.postJson("/orders", orderWithExtras(car(3))), 201, "order-response.json")
                    .get("data");

            assertThat(order.get("amount").toString()).isEqualTo("18990.00");
            assertThat(listener.seen()).containsExactly(
                    "POST /orders REPORT amount", "POST /orders REPORT customer.age");
        }

        @Test
        void offModeIgnoresThemSilently() {
            String orderId = flow.placeOrder(car(4)).get("id").asString();

            JsonNode payment = success(flow.postJson("/payments",
                            "{\"orderId\":\"%s\",\"method\":\"CARD\",\"amount\":1,\"card\":{\"pan\":\"4111\"}}"
                                    .formatted(orderId)), 201, "payment-response.json").get("data");

            assertThat(payment.get("amount").toString()).isEqualTo("18990.00");
            assertThat(listener.seen()).isEmpty();
        }

        @Test
        void routesNotNamedStayEnforced() {
            validationError(flow.deliverSignedWebhook("{\"extra\":1}"),
                    "property extra should not exist",
                    "eventId should not be empty",
                    "type should not be empty",
                    "providerReference should not be empty",
                    "amount should not be empty",
                    "currency should not be empty",
                    "occurredAt should not be empty");
        }

        @Test
        void reportModeStillRejectsInvalidValues() {
            validationError(flow.postJson("/orders", "{\"carId\":\"%s\",\"extra\":1,\"deliveryOption\":\"PICKUP\"}"
                            .formatted(car(5))),
                    "customer should not be empty");
            assertThat(listener.seen()).containsExactly("POST /orders REPORT extra");
        }
    }
}
