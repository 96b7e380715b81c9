package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every checked response must satisfy: status, JSON content type, the contract's schema, and the envelope
 * details a schema cannot pin down (key order, exact JSON integer types, the echoed request id).
 */
final class ResponseAssertions {

    private static final List<String> SUCCESS_ENVELOPE_KEYS = List.of("success", "data", "pagination");
    private static final List<String> ERROR_ENVELOPE_KEYS = List.of("statusCode", "message", "error", "requestId");
    private static final int BODY_EXCERPT_LENGTH = 200;
    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private final ContractSchemas schemas;
    private final JsonMapper mapper;

    ResponseAssertions(ContractSchemas schemas, JsonMapper mapper) {
        this.schemas = schemas;
        this.mapper = mapper;
    }

    void status(Exchange exchange, int expected) throws CheckFailure {
        failUnless(exchange.status() == expected, exchange.describe() + ": expected HTTP " + expected + ", got "
                + exchange.status() + exchange.attemptsNote() + bodyExcerpt(exchange));
    }

    JsonNode jsonBody(Exchange exchange) throws CheckFailure {
        String contentType = exchange.header("Content-Type").orElse("");
        failUnless(contentType.toLowerCase(Locale.ROOT).startsWith("application/json"),
                exchange.describe() + ": Content-Type is '" + contentType + "', expected application/json");
        try {
            return mapper.readTree(exchange.body());
        } catch (JacksonException e) {
            throw new CheckFailure(exchange.describe() + ": body is not valid JSON" + bodyExcerpt(exchange));
        }
    }

    void conforms(Exchange exchange, JsonNode body, ContractSchema schema) throws CheckFailure {
        List<String> violations = schemas.violations(schema, body);
        failUnless(violations.isEmpty(), exchange.describe() + ": body does not match " + schema.fileName() + ": "
                + String.join("; ", violations));
    }

    /** A success envelope {@code {"success":true,"data":...[,"pagination":...]}} valid against {@code schema}. */
    JsonNode success(Exchange exchange, int status, ContractSchema schema) throws CheckFailure {
        status(exchange, status);
        JsonNode body = jsonBody(exchange);
        conforms(exchange, body, schema);
        JsonNode success = body.path("success");
        failUnless(success.isBoolean() && success.booleanValue(),
                exchange.describe() + ": success must be the JSON boolean true, got " + success);
        keyOrder(exchange, body, "envelope", SUCCESS_ENVELOPE_KEYS);
        return body;
    }

    /**
     * The NestJS-style error envelope, exactly: keys in the legacy order, statusCode a JSON integer equal to the
     * HTTP status, message a string or an array of strings, error the reason phrase, requestId the id sent.
     */
    JsonNode error(Exchange exchange, int status) throws CheckFailure {
        status(exchange, status);
        JsonNode body = jsonBody(exchange);
        conforms(exchange, body, ContractSchema.ERROR);
        keyOrder(exchange, body, "error envelope", ERROR_ENVELOPE_KEYS);
        String where = exchange.describe() + ": ";
        JsonNode statusCode = body.path("statusCode");
        failUnless(statusCode.isIntegralNumber(), where + "statusCode must be a JSON integer, got " + statusCode);
        failUnless(statusCode.asInt() == status, where + "statusCode " + statusCode + " is not the HTTP status "
                + status);
        JsonNode message = body.path("message");
        failUnless(message.isString() || isArrayOfStrings(message),
                where + "message must be a string or an array of strings, got " + message);
        String reasonPhrase = REASON_PHRASES.getOrDefault(status, "");
        JsonNode error = body.path("error");
        failUnless(isString(error, reasonPhrase),
                where + "error must be the string \"" + reasonPhrase + "\", got " + error);
        JsonNode requestId = body.path("requestId");
        failUnless(isString(requestId, exchange.requestId()),
                where + "requestId must be the X-Request-Id sent (" + exchange.requestId() + "), got " + requestId);
        return body;
    }

    /** A strict route's rejection: 400 whose message array lists "property {@code property} should not exist". */
    void strictRejection(Exchange exchange, String property) throws CheckFailure {
        String expected = "property " + property + " should not exist";
        JsonNode message = error(exchange, 400).path("message");
        failUnless(anyEntry(message, expected::equals),
                exchange.describe() + ": message must list \"" + expected + "\", got " + message);
    }

    /** The response carries no cacheable customer data. */
    static void noStore(Exchange exchange) throws CheckFailure {
        String cacheControl = exchange.header("Cache-Control").orElse("");
        failUnless(cacheControl.toLowerCase(Locale.ROOT).contains("no-store"),
                exchange.describe() + ": Cache-Control must contain no-store, got '" + cacheControl + "'");
    }

    /** The keys of {@code expectedOrder} that {@code object} has must appear in that relative order. */
    static void keyOrder(Exchange exchange, JsonNode object, String what, List<String> expectedOrder)
            throws CheckFailure {
        List<String> actual = object.propertyNames().stream().filter(expectedOrder::contains).toList();
        List<String> expected = expectedOrder.stream().filter(actual::contains).toList();
        failUnless(actual.equals(expected), exchange.describe() + ": " + what + " keys out of order: expected "
                + expected + ", got " + actual);
    }

    /** A field that must be a JSON string. */
    static String string(JsonNode object, String field, String where) throws CheckFailure {
        JsonNode value = object.path(field);
        failUnless(value.isString(), where + ": " + field + " must be a string, got " + value);
        return value.stringValue();
    }

    /** A field that must be a JSON number, read exactly. */
    static BigDecimal decimal(JsonNode object, String field, String where) throws CheckFailure {
        JsonNode value = object.path(field);
        failUnless(value.isNumber(), where + ": " + field + " must be a number, got " + value);
        return value.decimalValue();
    }

    static boolean isString(JsonNode node, String value) {
        return node.isString() && node.stringValue().equals(value);
    }

    static boolean isArrayOfStrings(JsonNode node) {
        return node.isArray() && StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isString);
    }

    /** {@code array} is an array with a string entry that satisfies {@code test}. */
    static boolean anyEntry(JsonNode array, Predicate<String> test) {
        return array.isArray() && StreamSupport.stream(array.spliterator(), false)
                .anyMatch(entry -> entry.isString() && test.test(entry.stringValue()));
    }

    private static String bodyExcerpt(Exchange exchange) {
        String body = exchange.body() == null ? "" : exchange.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > BODY_EXCERPT_LENGTH ? body.substring(0, BODY_EXCERPT_LENGTH) + "..." : body);
    }
}
