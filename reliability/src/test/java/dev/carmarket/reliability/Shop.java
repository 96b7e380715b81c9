package dev.carmarket.reliability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** The business calls the scenarios make, as a front end and the payment provider would. */
final class Shop {

    private Shop() {
    }

    /** Ids of up to {@code wanted} AVAILABLE cars, in search order. */
    static List<String> availableCars(Client client, int wanted) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ids.size() < wanted; page++) {
            Reply reply = client.get("/car-details/search?limit=100&sort=price_asc&page=" + page);
            if (reply.status() != 200) {
                throw new IllegalStateException("search failed: " + reply);
            }
            JsonNode data = reply.json().path("data");
            if (data.isEmpty()) {
                break;
            }
            data.forEach(car -> ids.add(car.path("id").asString()));
        }
        return ids.size() > wanted ? ids.subList(0, wanted) : ids;
    }

    /** A valid order body; the e-mail identifies the attempt in the audit (stored, masked only in responses). */
    static String orderBody(String carId, String email) {
        return """
                {"carId":"%s","customer":{"fullName":"Rel Iability","email":"%s","phone":"+4915112345678"},\
                "deliveryOption":"PICKUP"}""".formatted(carId, email);
    }

    static String uniqueEmail() {
        return "rel-" + UUID.randomUUID() + "@example.com";
    }

    static Reply placeOrder(Client client, String body, String idempotencyKey) {
        return client.postJson("/orders", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    static Reply startPayment(Client client, String orderId) {
        return client.postJson("/payments", "{\"orderId\":\"" + orderId + "\",\"method\":\"CARD\"}", Map.of());
    }

    static String webhookBody(String eventId, String type, JsonNode payment) {
        return """
                {"eventId":"%s","type":"%s","providerReference":"%s","amount":%s,"currency":"%s",\
                "occurredAt":"2026-11-26T12:00:00Z"}""".formatted(eventId, type, payment.path("providerReference").asString(),
                payment.path("amount").asString(), payment.path("currency").asString());
    }

    /** Delivers a webhook signed at {@code epochSeconds} with {@code secret}, as the provider does. */
    static Reply deliverWebhook(Client client, String body, long epochSeconds, String secret) {
        return client.postJson("/payments/webhook", body, Map.of("X-Signature", signature(body, epochSeconds, secret)));
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} (docs/api.md). */
    static String signature(String body, long epochSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", unavailable);
        }
    }

    static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
