package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.anyOutcome;
import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class OrderRoutesTest extends WebAdapterTest {

    /** Each test orders its own car: {@code car(n)}. */
    static String car(int n) {
        return "5d1c2b3a-0000-4000-8000-%012d".formatted(n);
    }

    static String pickupOrder(String carId) {
        return """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"PICKUP","notes":"Call before noon"}""".formatted(carId);
    }


    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(20, n -> TestCars.car().id(car(n)).build());
    }

    WebTestClient.ResponseSpec post(String body) {
        return flow.postJson("/orders", body);
    }

    WebTestClient.ResponseSpec post(String idempotencyKey, String body) {
        return client.post().uri("/orders").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void placingAnOrderReservesTheCarAtItsPriceAndMasksTheCustomer() {
        WebTestClient.ResponseSpec response = post(pickupOrder(car(1)));
        response.expectHeader().cacheControl(CacheControl.noStore())
                .expectHeader().doesNotExist("Idempotent-Replayed");
        JsonNode order = success(response, 201, "order-response.json").get("data");

        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("carId").asString()).isEqualTo(car(1));
        assertThat(order.get("amount").toString()).isEqualTo("18990.00");
        assertThat(order.get("currency").asString()).isEqualTo("EUR");
        assertThat(order.get("customer").toString())
                .isEqualTo("{\"fullName\":\"Jane Doe\",\"email\":\"j***@example.com\",\"phone\":\"+49*******678\"}");
        assertThat(order.get("deliveryOption").asString()).isEqualTo("PICKUP");
        assertThat(order.get("createdAt").asString()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(order.get("expiresAt").asString()).isEqualTo("2026-11-26T12:30:00Z");
        assertThat(order.get("orderNumber").asString()).startsWith("ORD-2026-");

        JsonNode car = success(client.get().uri("/car-details/" + car(1)).exchange(), 200,
                "car-details-response.json").get("data");
        assertThat(car.get("status").asString()).isEqualTo("RESERVED");
    }

    @Test
    void anOrderCanBeReadBackWithoutBeingCached() {
        JsonNode placed = success(post(pickupOrder(car(2))), 201, "order-response.json").get("data");
        String id = placed.get("id").asString();

        WebTestClient.ResponseSpec response = client.get().uri("/orders/" + id).exchange();
        response.expectHeader().cacheControl(CacheControl.noStore());
        JsonNode read = success(response, 200, "order-response.json").get("data");

        assertThat(read).isEqualTo(placed);
    }

    @Test
    void aDeliveryOrderNeedsAnAddress() {
        String body = """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"DELIVERY",
                 "deliveryAddress":{"line1":"Hauptstrasse 1","city":"Berlin","postalCode":"10115","country":"DE"}}"""
                .formatted(car(3));

        JsonNode order = success(post(body), 201, "order-response.json").get("data");

        assertThat(order.get("deliveryOption").asString()).isEqualTo("DELIVERY");
    }

    @Test
    void aCarThatIsNoLongerAvailableIsA409() {
        success(post(pickupOrder(car(4))), 201, "order-response.json");

        errorMessage(post(pickupOrder(car(4))), 409, "Car is not available");
    }

    @Test
    void ofConcurrentOrdersForOneCarExactlyOneSucceeds() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = IntStream.range(0, callers)
                    .mapToObj(caller -> pool.submit(() -> {
                        start.await();
                        return anyOutcome(post(pickupOrder(car(11))), "order-response.json");
                    }))
                    .toList();
            start.countDown();
            List<Integer> outcomes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                outcomes.add(status.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownCarIsA404() {
        errorMessage(post(pickupOrder("5d1c2b3a-0000-4000-8000-999999999999")), 404, "Car not found");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplaysTheOrder() {
        JsonNode first = success(post("key-replay-1", pickupOrder(car(5))), 201, "order-response.json");

        WebTestClient.ResponseSpec again = post("key-replay-1", pickupOrder(car(5)));
        again.expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().cacheControl(CacheControl.noStore());
        JsonNode second = success(again, 201, "order-response.json");

        assertThat(second.get("data")).isEqualTo(first.get("data"));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() {
        success(post("key-reuse-1", pickupOrder(car(6))), 201, "order-response.json");

        errorMessage(post("key-reuse-1", pickupOrder(car(7))), 422,
                "Idempotency-Key reused with a different payload");
    }

    @Test
    void aMalformedIdempotencyKeyIsReportedWithTheBodyProblems() {
        validationError(post("k".repeat(129), "{\"carId\":\"nope\"}"),
                "carId must be a UUID",
                "customer should not be empty",
                "deliveryOption should not be empty",
                "Idempotency-Key must be 1 to 128 printable ASCII characters");
    }

    @Test
    void anEmptyObjectListsEveryMissingField() {
        validationError(post("{}"),
                "carId should not be empty",
                "customer should not be empty",
                "deliveryOption should not be empty");
    }

    @Test
    void invalidValuesAreEachNamedByTheirPath() {
        String body = """
                {"carId":"not-a-uuid","customer":{"email":"not-an-email","phone":"12345"},
                 "deliveryOption":"SHIP"}""";

        validationError(post(body),
                "carId must be a UUID",
                "customer.fullName must be between 1 and 100 characters",
                "customer.email must be an email",
                "customer.phone must be a valid phone number",
                "deliveryOption must be one of the following values: PICKUP, DELIVERY");
    }

    @Test
    void theDeliveryRulesAndTheNotesLengthAreChecked() {
        String delivery = """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"DELIVERY","notes":"%s"}""".formatted(car(8), "n".repeat(501));
        String pickupWithAddress = """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"jane@example.com","phone":"+4915112345678"},
                 "deliveryOption":"PICKUP",
                 "deliveryAddress":{"line1":"Hauptstrasse 1","city":"Berlin","postalCode":"10115","country":"de"}}"""
                .formatted(car(8));

        validationError(post(delivery),
                "deliveryAddress is required when deliveryOption is DELIVERY",
                "notes must be at most 500 characters");
        validationError(post(pickupWithAddress),
                "deliveryAddress.country must be an ISO 3166-1 alpha-2 code",
                "deliveryAddress must be absent when deliveryOption is PICKUP");
    }

    @Test
    void crossFieldRulesAreReportedTogetherWithFieldProblems() {
        String body = """
                {"carId":"%s","customer":{"fullName":"Jane Doe","email":"nope","phone":"+4915112345678"},
                 "deliveryOption":"DELIVERY"}""".formatted(car(8));

        validationError(post(body),
                "customer.email must be an email",
                "deliveryAddress is required when deliveryOption is DELIVERY");
    }

    @Test
    void wrongJsonTypesAreEachReported() {
        validationError(post("{\"carId\":123,\"customer\":\"Jane\",\"deliveryOption\":[\"PICKUP\"],\"notes\":false}"),
                "carId must be a string",
                "customer must be an object",
                "deliveryOption must be a string",
                "notes must be a string");
    }

    @Test
    void unreadableJsonIsA400WithOneMessage() {
        errorMessage(post("{\"carId\": "), 400, "Request body is not valid JSON");
        errorMessage(post("{\"carId\":\"a\",\"carId\":\"b\"}"), 400, "Request body is not valid JSON");
        errorMessage(post("{} {}"), 400, "Request body is not valid JSON");
        errorMessage(post("[]"), 400, "Request body must be a JSON object");
        errorMessage(post("\"order\""), 400, "Request body must be a JSON object");
        errorMessage(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).exchange(), 400,
                "Request body must be a JSON object");
    }

    @Test
    void deepNestingAndLongStringsAreA400NotA500() {
        String deep = "{\"notes\":" + "[".repeat(40) + "]".repeat(40) + "}";
        String longString = "{\"notes\":\"" + "x".repeat(9000) + "\"}";

        assertThat(errorMessage(post(deep), 400, LIMITS_MESSAGE)).isNotNull();
        assertThat(errorMessage(post(longString), 400, LIMITS_MESSAGE)).isNotNull();
    }

    static final String LIMITS_MESSAGE = "Request body exceeds the JSON limits (nesting depth 32, string length 8192, "
            + "property name length 256, number length 64)";

    @Test
    void anOrderCanBeSentWithACharsetParameter() {
        success(client.post().uri("/orders").contentType(MediaType.parseMediaType("application/json; charset=utf-8"))
                .bodyValue(pickupOrder(car(9))).exchange(), 201, "order-response.json");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        errorMessage(client.post().uri("/orders").contentType(MediaType.TEXT_PLAIN).bodyValue(pickupOrder(car(10)))
                .exchange(), 415, "Content-Type must be application/json");
        errorMessage(client.post().uri("/orders").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("carId=x").exchange(), 415, "Content-Type must be application/json");
        errorMessage(client.post().uri("/orders").header("Content-Type", "nonsense").exchange(), 415,
                "Content-Type must be application/json");
        errorMessage(client.post().uri("/orders").exchange(), 415, "Content-Type must be application/json");
    }

    @Test
    void unknownAndMalformedOrderIds() {
        errorMessage(client.get().uri("/orders/5d1c2b3a-0000-4000-8000-999999999999").exchange(), 404,
                "Order not found");
        validationError(client.get().uri("/orders/123").exchange(), "id must be a UUID");
    }
}
