package dev.carmarket.gatling.support;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.carmarket.gatling.harness.AvailableCarIds;
import dev.carmarket.gatling.webhook.WebhookSignature;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Order capture as a buyer and the payment provider perform it: view the car, place the order
 * (with an Idempotency-Key), start a card payment, receive the provider's signed
 * {@code payment.succeeded} webhook, and read the order back as PAID. Each virtual user orders its
 * own car, so every step is expected to succeed. A user whose step failed stops there: the
 * following steps would only fail for want of its order or payment and inflate the error count.
 */
public final class OrderCaptureChains {

    public static final String PLACE_ORDER = "place-order";
    public static final String START_PAYMENT = "start-payment";
    public static final String PAYMENT_WEBHOOK = "payment-webhook";
    public static final String READ_ORDER = "read-order";

    private final WebhookSignature signature;
    private final Iterator<Map<String, Object>> carIds;

    private OrderCaptureChains(WebhookSignature signature, Iterator<Map<String, Object>> carIds) {
        this.signature = signature;
        this.carIds = carIds;
    }

    /**
     * Fetches, before any load, one distinct AVAILABLE car for each user the simulation can start at
     * this rate: the feeder then never runs dry and no two users order the same car.
     */
    public static OrderCaptureChains forRate(LoadSettings settings, double usersPerSec, String sort) {
        List<String> ids = new AvailableCarIds(settings.baseUrl()).fetch(settings.maxUsers(usersPerSec), sort);
        Iterator<Map<String, Object>> feeder = ids.stream().<Map<String, Object>>map(id -> Map.of("carId", id))
                .iterator();
        return new OrderCaptureChains(new WebhookSignature(settings.webhookSecret()), feeder);
    }

    /** Every request name {@link #orderAndPay()} issues. */
    public static Set<String> requestNames() {
        return new TreeSet<>(List.of(CarSearchChains.CAR_DETAILS, PLACE_ORDER, START_PAYMENT, PAYMENT_WEBHOOK,
                READ_ORDER));
    }

    public ChainBuilder orderAndPay() {
        return feed(carIds)
                .exec(CarSearchChains.carDetails())
                .exec(http(PLACE_ORDER).post("/orders")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .header("Content-Type", "application/json")
                        .body(StringBody(OrderCaptureChains::orderBody))
                        .check(status().is(201),
                                jsonPath("$.data.status").is("PENDING_PAYMENT"),
                                jsonPath("$.data.id").saveAs("orderId")))
                .exitHereIfFailed()
                .exec(http(START_PAYMENT).post("/payments")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"orderId\":\"#{orderId}\",\"method\":\"CARD\","
                                + "\"returnUrl\":\"https://shop.example/return\"}"))
                        .check(status().is(201),
                                jsonPath("$.data.status").is("PENDING"),
                                jsonPath("$.data.providerReference").saveAs("providerReference"),
                                // kept as the JSON text, so the webhook repeats the amount exactly
                                jsonPath("$.data.amount").ofString().saveAs("amount"),
                                jsonPath("$.data.currency").saveAs("currency")))
                .exitHereIfFailed()
                .exec(this::signedWebhook)
                .exec(http(PAYMENT_WEBHOOK).post("/payments/webhook")
                        .header("Content-Type", "application/json")
                        .header("X-Signature", "#{webhookSignature}")
                        .body(StringBody(session -> session.getString("webhookBody")))
                        .check(status().is(200), jsonPath("$.data.received").ofBoolean().is(true)))
                .exitHereIfFailed()
                .exec(http(READ_ORDER).get("/orders/#{orderId}")
                        .check(status().is(200), jsonPath("$.data.status").is("PAID")));
    }

    private static String orderBody(Session session) {
        long user = session.userId();
        return "{\"carId\":\"" + session.getString("carId") + "\","
                + "\"customer\":{\"fullName\":\"Load Test " + user + "\",\"email\":\"load" + user
                + "@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\"}";
    }

    /** The provider's event for the captured payment, and its signature over exactly those bytes. */
    private Session signedWebhook(Session session) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\","
                + "\"providerReference\":\"" + session.getString("providerReference") + "\","
                + "\"amount\":" + session.getString("amount") + ",\"currency\":\"" + session.getString("currency")
                + "\",\"occurredAt\":\"" + now + "\"}";
        return session.set("webhookBody", body)
                .set("webhookSignature", signature.header(now.getEpochSecond(), body));
    }
}
