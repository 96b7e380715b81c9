package dev.carmarket.smoke;

import dev.carmarket.smoke.StubServer.Request;
import dev.carmarket.smoke.StubServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A correct carmarket, written by hand from docs/api.md and docs/security.md with the JSON fixtures under
 * src/test/resources/fixtures: the baseline that each test breaks in one way. Stateful like the real service
 * (an order reserves the car, a valid webhook pays the order), so the write flow is checked for real.
 */
final class ContractStub implements AutoCloseable {

    static final String LISTED_CAR_ID = "3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f";
    static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Any car id but the listed one: where a test breaks the 404 without touching the listed car's details. */
    static final String UNKNOWN_CAR_PATH = "/car-details/(?!" + LISTED_CAR_ID + ")" + ID;
    static final String WEBHOOK_SECRET = "stub-webhook-secret-0123456789abcdef";
    static final String INTERNAL_TOKEN = "stub-internal-token-0123456789abcdef";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    /** helmet 8 defaults (docs/security.md). */
    static final Map<String, String> SECURITY_HEADERS = Map.ofEntries(
            Map.entry("Content-Security-Policy", "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
                    + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';"
                    + "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                    + "upgrade-insecure-requests"),
            Map.entry("Cross-Origin-Opener-Policy", "same-origin"),
            Map.entry("Cross-Origin-Resource-Policy", "same-origin"),
            Map.entry("Origin-Agent-Cluster", "?1"),
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-DNS-Prefetch-Control", "off"),
            Map.entry("X-Download-Options", "noopen"),
            Map.entry("X-Frame-Options", "SAMEORIGIN"),
            Map.entry("X-Permitted-Cross-Domain-Policies", "none"),
            Map.entry("X-XSS-Protection", "0"));

    final StubServer server = new StubServer();
    private final Set<String> orderIdempotencyKeys = ConcurrentHashMap.newKeySet();
    private volatile String carStatus = "AVAILABLE";
    private volatile boolean paid;

    ContractStub() {
        server.on("GET", "/health/live", request -> json(request, 200, fixture("health-live.json")))
                .on("GET", "/health/ready", request -> authorized(request)
                        ? json(request, 200, fixture("health-ready.json"))
                        : json(request, 401, fixture("error-unauthorized.json")))
                .on("GET", "/metrics", request -> authorized(request)
                        ? response(request, 200, "text/plain; version=0.0.4; charset=utf-8", fixture("metrics.txt"))
                        : json(request, 401, fixture("error-unauthorized.json")))
                .on("GET", "/car-details/search", this::search)
                .on("GET", "/car-details/" + ID, request -> request.lastPathSegment().equals(LISTED_CAR_ID)
                        ? json(request, 200, fixture("car-details.json").replace("{{carStatus}}", carStatus))
                        : json(request, 404, fixture("error-car-not-found.json")))
                .on("POST", "/orders", this::placeOrder)
                .on("GET", "/orders/" + ID, request -> noStore(json(request, 200, order())))
                .on("POST", "/payments", request -> noStore(json(request, 201, payment())))
                .on("GET", "/payments/" + ID, request -> noStore(json(request, 200, payment())))
                .on("POST", "/payments/webhook", this::webhook);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    boolean paid() {
        return paid;
    }

    String carStatus() {
        return carStatus;
    }

    @Override
    public void close() {
        server.close();
    }

    static String fixture(String name) {
        try (InputStream in = ContractStub.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON response as the service sends it: security headers, echoed request id, the body's requestId. */
    static Response json(Request request, int status, String body) {
        return response(request, status, "application/json; charset=utf-8",
                body.replace("{{requestId}}", request.header("X-Request-Id")));
    }

    static Response response(Request request, int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Content-Type", contentType);
        headers.put("X-Request-Id", request.header("X-Request-Id"));
        return new Response(status, headers, body);
    }

    private Response search(Request request) {
        if (request.queryHas("limit=0")) {
            return json(request, 400, fixture("error-limit-invalid.json"));
        }
        if (request.queryHas("fuelType=PETROL") && request.queryHas("sort=price_asc")) {
            return json(request, 200, fixture("search-petrol-price-asc.json"));
        }
        return json(request, 200, fixture("search-default.json"));
    }

    private Response placeOrder(Request request) {
        if (request.body().contains("\"smokeProbe\"")) {
            return json(request, 400, fixture("error-unknown-property.json"));
        }
        boolean replay = !orderIdempotencyKeys.add(request.header("Idempotency-Key"));
        carStatus = "RESERVED";
        Response created = noStore(json(request, 201, order()));
        return replay ? created.withHeader("Idempotent-Replayed", "true") : created;
    }

    private Response webhook(Request request) {
        if (!validSignature(request)) {
            return json(request, 401, fixture("error-unauthorized.json"));
        }
        paid = true;
        carStatus = "SOLD";
        return json(request, 200, fixture("webhook-ack.json"));
    }

    /** Verifies X-Signature the way the contract defines it, independently of the pack's signer. */
    private static boolean validSignature(Request request) {
        Matcher signature = SIGNATURE.matcher(request.header("X-Signature"));
        if (!signature.matches()) {
            return false;
        }
        long sentAt = Long.parseLong(signature.group(1));
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((sentAt + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : expected) {
                hex.append(String.format("%02x", b));
            }
            return MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII),
                    signature.group(2).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String order() {
        return fixture("order.json").replace("{{orderStatus}}", paid ? "PAID" : "PENDING_PAYMENT");
    }

    private String payment() {
        return fixture("payment.json").replace("{{paymentStatus}}", paid ? "CAPTURED" : "PENDING");
    }

    private static boolean authorized(Request request) {
        return request.header("Authorization").equals("Bearer " + INTERNAL_TOKEN);
    }

    private static Response noStore(Response response) {
        return response.withHeader("Cache-Control", "no-store");
    }
}
