package dev.carmarket.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded generator of hostile requests over every route: random JSON, wrong types, huge numbers, deep
 * nesting, unicode and control characters, injection strings, duplicate keys, unknown fields, wrong
 * content types, truncated and invalid UTF-8 bodies, oversized bodies and headers, wrong methods and
 * unknown routes. Ids are random UUIDs no row has, so no generated request can legitimately change data.
 */
final class HostileRequests {

    /** One generated request and the mutation that made it (for the tally). */
    record Request(String mutation, String method, String path, byte[] body, Map<String, String> headers) {

        boolean mutates() {
            return !method.equals("GET");
        }
    }

    private static final List<String> STRINGS = List.of("' OR 1=1 --", "'; DROP TABLE orders; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "\\u0000", "\\ud800", "\\udfff\\ud800", "😀🚗",
            "\\u202eevil", "\\t\\r\\n\\b\\f", "%00%0a%0d", "{{7*7}}", "null", "NaN", "-Infinity", "", " ",
            "a".repeat(5000), "ü".repeat(300), "\\\\\\\"", "SELECT pg_sleep(10)", "1e309");
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "99999999999999999999999999999999", "-0",
            "0.000000000000000000001", "1.7976931348623157E309", "9223372036854775808", "-2147483649", "1.005", "0x10");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "", "application/json-patch+json", "*/*", "application/json; charset=utf-16");
    private static final List<String> ROUTES_WITH_BODY = List.of("/orders", "/payments", "/payments/webhook");
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "make", "model", "fuelType", "transmission", "bodyType",
            "yearMin", "yearMax", "priceMin", "priceMax", "mileageMax", "sort", "page", "limit", "unknown");

    private static final Pattern STRING_VALUE = Pattern.compile(":\"[^\"]*\"");

    private final SplittableRandom random;

    HostileRequests(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Request next() {
        return switch (random.nextInt(16)) {
            case 0 -> body("random json", randomJson(4));
            case 1 -> body("wrong type", replaceFirstString(template(), scalarOfAnyType()));
            case 2 -> body("huge number", replaceFirstString(template(), pick(NUMBERS)));
            case 3 -> body("deep nesting", "{\"carId\":" + "[".repeat(depth()) + "1" + "]".repeat(depth() / 2) + "}");
            case 4 -> body("unicode and control", replaceFirstString(template(), "\"" + pick(STRINGS) + "\u0001\u007f\""));
            case 5 -> body("injection", STRING_VALUE.matcher(template())
                    .replaceAll(Matcher.quoteReplacement(":\"" + pick(STRINGS).replace("\"", "") + "\"")));
            case 6 -> body("duplicate keys", template().replaceFirst("\\{", "{\"carId\":\"" + UUID.randomUUID() + "\","));
            case 7 -> body("unknown field", template().replaceFirst("\\{", "{\"__proto__\":{\"admin\":true},\"x" + random.nextInt(99) + "\":1,"));
            case 8 -> withHeaders("wrong content type", "POST", pick(ROUTES_WITH_BODY), bytes(template()),
                    Map.of("Content-Type", pick(CONTENT_TYPES)));
            case 9 -> {
                String json = template();
                yield body("truncated", json.substring(0, random.nextInt(json.length())));
            }
            case 10 -> withHeaders("invalid utf-8", "POST", pick(ROUTES_WITH_BODY), invalidUtf8(), Map.of());
            case 11 -> body("oversized body", "{\"notes\":\"" + "x".repeat(64 * 1024 + random.nextInt(100_000)) + "\"}");
            case 12 -> withHeaders("oversized header", "GET", "/car-details/search",
                    null, Map.of("X-Filler", "h".repeat(8_000 + random.nextInt(60_000))));
            case 13 -> withHeaders("wrong method", pick(List.of("DELETE", "PUT", "PATCH")),
                    pick(List.of("/orders", "/car-details/search", "/payments/" + UUID.randomUUID(), "/health/live")), null, Map.of());
            case 14 -> withHeaders("hostile path", "GET", pick(List.of("/car-details/", "/orders/", "/payments/", "/nope/", "/car-details/search/"))
                    + pathSegment(), null, Map.of("Idempotency-Key", "k".repeat(1 + random.nextInt(300))));
            default -> withHeaders("hostile query", "GET", "/car-details/search?" + query(), null, Map.of());
        };
    }

    private Request body(String mutation, String json) {
        return withHeaders(mutation, "POST", pick(ROUTES_WITH_BODY), bytes(json),
                random.nextBoolean() ? Map.of() : Map.of("Idempotency-Key", pick(List.of("ok-" + random.nextInt(50), "bad key!", "x".repeat(129)))));
    }

    private Request withHeaders(String mutation, String method, String path, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (path.equals("/payments/webhook") && random.nextBoolean()) {
            all.put("X-Signature", "t=" + Shop.nowSeconds() + ",v1=" + "ab".repeat(32));
        }
        return new Request(mutation, method, path, body, all);
    }

    /** A valid-looking body for a random mutation route, with ids that exist nowhere. */
    private String template() {
        return switch (random.nextInt(3)) {
            case 0 -> Shop.orderBody(UUID.randomUUID().toString(), "fuzz@example.com")
                    .replace("\"PICKUP\"}", "\"DELIVERY\",\"deliveryAddress\":{\"line1\":\"a\",\"city\":\"b\",\"postalCode\":\"1\",\"country\":\"DE\"}}");
            case 1 -> "{\"orderId\":\"" + UUID.randomUUID() + "\",\"method\":\"CARD\",\"returnUrl\":\"https://shop.example/r\"}";
            default -> "{\"eventId\":\"evt_fuzz\",\"type\":\"payment.succeeded\",\"providerReference\":\"psp_x\","
                    + "\"amount\":1.00,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-26T12:00:00Z\"}";
        };
    }

    /** The template's first string value replaced by {@code json}, taken literally. */
    private static String replaceFirstString(String template, String json) {
        return STRING_VALUE.matcher(template).replaceFirst(Matcher.quoteReplacement(":" + json));
    }

    private String randomJson(int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> pick(NUMBERS);
            case 1 -> "\"" + pick(STRINGS) + "\"";
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> Integer.toString(random.nextInt());
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomJson(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append('"').append(pick(List.of("carId", "customer", "orderId", "eventId", "amount", "z"))).append("\":")
                            .append(randomJson(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private String scalarOfAnyType() {
        return pick(List.of("42", "true", "null", "[]", "{}", "[\"a\"]", "{\"a\":1}", "-1.5"));
    }

    private String query() {
        StringBuilder query = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String value = random.nextBoolean() ? pick(NUMBERS) : pick(STRINGS);
            query.append(pick(SEARCH_PARAMETERS)).append('=')
                    .append(URLEncoder.encode(value.length() > 200 ? value.substring(0, 200) : value, StandardCharsets.UTF_8))
                    .append(i > 1 ? "&" : "");
        }
        return query.toString();
    }

    private String pathSegment() {
        String segment = pick(List.of("not-a-uuid", UUID.randomUUID().toString(), "..%2F..%2Fetc", "%00", "00000000-0000-0000-0000-000000000000",
                "' OR '1'='1", "x".repeat(2000), "%F0%9F%98%80", "1e400"));
        return segment.replace("'", "%27").replace(" ", "%20");
    }

    private byte[] invalidUtf8() {
        byte[] body = bytes(template());
        body[5 + random.nextInt(body.length - 10)] = (byte) (0x80 + random.nextInt(0x7f));
        return body;
    }

    private int depth() {
        return 100 + random.nextInt(20_000);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
