package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opt-in write flow for staging (--write): strict rejection with a real car, order, idempotent replay,
 * payment, signed webhook, PAID. Each step is its own check; a step whose predecessor failed fails naming it.
 * Holds the state of one run, so one instance serves one run of the pack.
 */
final class WriteFlowChecks {

    private static final String PLACE_ORDER = "write: POST /orders places a PENDING_PAYMENT order at the car's price";
    private static final String START_PAYMENT = "write: POST /payments starts a PENDING payment for the order amount";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ResponseAssertions expect;
    private final JsonMapper mapper;
    private final WebhookSigner signer;
    private final Clock clock;

    private JsonNode car;
    private JsonNode order;
    private String orderBody;
    private String orderIdempotencyKey;
    private JsonNode payment;

    WriteFlowChecks(ResponseAssertions expect, JsonMapper mapper, WebhookSigner signer, Clock clock) {
        this.expect = expect;
        this.mapper = mapper;
        this.signer = signer;
        this.clock = clock;
    }

    List<Check> checks() {
        return List.of(
                new Check("write: unknown property on POST /orders for a real car is 400 and the car stays AVAILABLE",
                        this::strictRejectionReservesNothing),
                new Check(PLACE_ORDER, this::placeOrder),
                new Check("write: replaying the Idempotency-Key returns the same order", this::replayOrder),
                new Check(START_PAYMENT, this::startPayment),
                new Check("write: signed payment.succeeded webhook is acknowledged", this::sendSucceededWebhook),
                new Check("write: the order reads as PAID and the payment as CAPTURED", this::orderIsPaid));
    }

    private void strictRejectionReservesNothing(CheckSession session) throws CheckFailure {
        String carId = carId(session);
        String body = mapper.writeValueAsString(OrderRequestBodies.pickupOrderWithUnknownProperty(mapper, carId));
        expect.strictRejection(session.post("/orders", body, Map.of()), OrderRequestBodies.UNKNOWN_PROPERTY);
        Exchange details = session.get("/car-details/" + carId);
        JsonNode status = expect.success(details, 200, ContractSchema.CAR_DETAILS).path("data").path("status");
        failUnless(ResponseAssertions.isString(status, "AVAILABLE"),
                details.describe() + ": the rejected order changed the car's status to " + status);
    }

    private void placeOrder(CheckSession session) throws CheckFailure {
        String carId = carId(session);
        orderBody = mapper.writeValueAsString(OrderRequestBodies.pickupOrder(mapper, carId));
        orderIdempotencyKey = "smoke-" + UUID.randomUUID();
        Exchange exchange = session.post("/orders", orderBody, Map.of(IDEMPOTENCY_KEY, orderIdempotencyKey));
        JsonNode placed = expect.success(exchange, 201, ContractSchema.ORDER).path("data");
        ResponseAssertions.noStore(exchange);
        String where = exchange.describe();
        statusIs(exchange, placed, "PENDING_PAYMENT");
        failUnless(ResponseAssertions.isString(placed.path("carId"), carId),
                where + ": carId " + placed.path("carId") + " is not the car ordered (" + carId + ")");
        JsonNode price = car.path("price");
        sameMoney(exchange, placed, ResponseAssertions.decimal(price, "amount", "search result"),
                ResponseAssertions.string(price, "currency", "search result"));
        JsonNode customer = placed.path("customer");
        failUnless(!ResponseAssertions.isString(customer.path("email"), OrderRequestBodies.CUSTOMER_EMAIL)
                        && !ResponseAssertions.isString(customer.path("phone"), OrderRequestBodies.CUSTOMER_PHONE),
                where + ": customer email and phone must be masked, got " + customer);
        order = placed;
    }

    private void replayOrder(CheckSession session) throws CheckFailure {
        JsonNode placed = required(order, PLACE_ORDER);
        Exchange exchange = session.post("/orders", orderBody, Map.of(IDEMPOTENCY_KEY, orderIdempotencyKey));
        JsonNode replayed = expect.success(exchange, 201, ContractSchema.ORDER).path("data");
        String replayHeader = exchange.header("Idempotent-Replayed").orElse("");
        failUnless(replayHeader.equalsIgnoreCase("true"),
                exchange.describe() + ": Idempotent-Replayed must be 'true', got '" + replayHeader + "'");
        failUnless(replayed.path("id").equals(placed.path("id")), exchange.describe() + ": the replay returned order "
                + replayed.path("id") + " instead of " + placed.path("id"));
    }

    private void startPayment(CheckSession session) throws CheckFailure {
        JsonNode placed = required(order, PLACE_ORDER);
        ObjectNode request = mapper.createObjectNode();
        request.set("orderId", placed.path("id"));
        request.put("method", "CARD");
        Exchange exchange = session.post("/payments", mapper.writeValueAsString(request),
                Map.of(IDEMPOTENCY_KEY, "smoke-" + UUID.randomUUID()));
        JsonNode started = expect.success(exchange, 201, ContractSchema.PAYMENT).path("data");
        ResponseAssertions.noStore(exchange);
        statusIs(exchange, started, "PENDING");
        failUnless(started.path("orderId").equals(placed.path("id")), exchange.describe() + ": orderId "
                + started.path("orderId") + " is not the order paid (" + placed.path("id") + ")");
        sameMoney(exchange, started, ResponseAssertions.decimal(placed, "amount", "order"),
                ResponseAssertions.string(placed, "currency", "order"));
        failUnless(!ResponseAssertions.string(started, "providerReference", exchange.describe()).isBlank(),
                exchange.describe() + ": providerReference is blank");
        payment = started;
    }

    private void sendSucceededWebhook(CheckSession session) throws CheckFailure {
        JsonNode started = required(payment, START_PAYMENT);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode event = mapper.createObjectNode();
        event.put("eventId", "evt_smoke_" + UUID.randomUUID());
        event.put("type", "payment.succeeded");
        event.set("providerReference", started.path("providerReference"));
        event.set("amount", started.path("amount"));
        event.set("currency", started.path("currency"));
        event.put("occurredAt", now.toString());
        String rawBody = mapper.writeValueAsString(event);
        Exchange exchange = session.post("/payments/webhook", rawBody,
                Map.of(WebhookSigner.SIGNATURE_HEADER, signer.signatureHeader(rawBody, now.getEpochSecond())));
        JsonNode received = expect.success(exchange, 200, ContractSchema.WEBHOOK_ACK).path("data").path("received");
        failUnless(received.isBoolean() && received.booleanValue(),
                exchange.describe() + ": data.received must be true, got " + received);
    }

    private void orderIsPaid(CheckSession session) throws CheckFailure {
        JsonNode placed = required(order, PLACE_ORDER);
        JsonNode started = required(payment, START_PAYMENT);
        Exchange orderRead = session.get("/orders/" + placed.path("id").stringValue());
        statusIs(orderRead, expect.success(orderRead, 200, ContractSchema.ORDER).path("data"), "PAID");
        ResponseAssertions.noStore(orderRead);
        Exchange paymentRead = session.get("/payments/" + started.path("id").stringValue());
        statusIs(paymentRead, expect.success(paymentRead, 200, ContractSchema.PAYMENT).path("data"), "CAPTURED");
        ResponseAssertions.noStore(paymentRead);
    }

    /** The car of this run: the first listed (hence AVAILABLE) car, looked up once. */
    private String carId(CheckSession session) throws CheckFailure {
        if (car == null) {
            car = CarSearch.firstListedCar(session, expect);
        }
        return ResponseAssertions.string(car, "id", "search result");
    }

    private static JsonNode required(JsonNode state, String producingCheck) throws CheckFailure {
        failUnless(state != null, "not run: needs the result of '" + producingCheck + "', which failed");
        return state;
    }

    private static void statusIs(Exchange exchange, JsonNode resource, String expected) throws CheckFailure {
        failUnless(ResponseAssertions.isString(resource.path("status"), expected),
                exchange.describe() + ": status is " + resource.path("status") + ", expected " + expected);
    }

    private static void sameMoney(Exchange exchange, JsonNode resource, BigDecimal amount, String currency)
            throws CheckFailure {
        String where = exchange.describe();
        failUnless(ResponseAssertions.decimal(resource, "amount", where).compareTo(amount) == 0
                        && ResponseAssertions.isString(resource.path("currency"), currency),
                where + ": amount " + resource.path("amount") + " " + resource.path("currency") + " is not "
                        + amount.toPlainString() + " " + currency);
    }
}
