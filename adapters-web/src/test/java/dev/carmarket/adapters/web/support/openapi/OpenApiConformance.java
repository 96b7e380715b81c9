package dev.carmarket.adapters.web.support.openapi;

import dev.carmarket.adapters.web.support.openapi.OpenApiContract.Located;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a request and its answer against what {@link OpenApiContract} documents for the operation:
 * the status is listed, every required response header is there and every documented header present
 * matches its schema, the {@code Content-Type} is one documented for that status, and the body
 * matches that media type's schema (no body where none is documented). For requests: required
 * parameters are there and every parameter and the body match their schemas.
 *
 * <p>Parameter and header values arrive as text; one whose schema says {@code integer} or
 * {@code number} is read as a number, an {@code array} as comma-separated items (the {@code simple}
 * and {@code form, explode: false} styles, the only ones the contract uses).
 */
public final class OpenApiConformance {

    /** Decimals kept exact: {@code multipleOf: 0.01} must see {@code 18990.10}, not a binary double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiContract contract;

    public OpenApiConformance(OpenApiContract contract) {
        this.contract = contract;
    }

    public List<String> responseProblems(ApiOperation operation, HttpExchange exchange) {
        Optional<Located> documented = contract.response(operation, exchange.status());
        if (documented.isEmpty()) {
            return List.of(operation + " does not document status " + exchange.status() + ": " + exchange);
        }
        Located response = documented.get();
        List<String> problems = new ArrayList<>();
        for (String name : response.child("headers").names()) {
            Located header = contract.resolve(response.child("headers").child(name));
            String value = exchange.responseHeaders().getFirst(name);
            if (value == null && header.node().path("required").asBoolean(false)) {
                problems.add("required response header " + name + " is missing");
            } else if (value != null) {
                problems.addAll(prefixed("response header " + name,
                        contract.schemaProblems(header.child("schema"), textValue(header.child("schema"), value))));
            }
        }
        problems.addAll(contentProblems("response", response.child("content"),
                exchange.responseHeaders().getContentType(), exchange.responseBody()));
        return prefixed(operation + " " + exchange.status(), problems);
    }

    public List<String> requestProblems(ApiOperation operation, HttpExchange exchange) {
        Map<String, String> pathParameters = contract.match(exchange.path())
                .map(OpenApiContract.PathMatch::parameters).orElse(Map.of());
        List<String> problems = new ArrayList<>();
        for (Located parameter : contract.parameters(operation)) {
            String name = parameter.node().path("name").asString();
            String value = switch (parameter.node().path("in").asString()) {
                case "path" -> pathParameters.get(name);
                case "query" -> exchange.queryParameter(name);
                case "header" -> exchange.requestHeaders().getFirst(name);
                default -> throw new IllegalStateException("unsupported parameter location: " + parameter.node());
            };
            if (value == null && parameter.node().path("required").asBoolean(false)) {
                problems.add("required parameter " + name + " is missing");
            } else if (value != null) {
                problems.addAll(prefixed("parameter " + name,
                        contract.schemaProblems(parameter.child("schema"), textValue(parameter.child("schema"), value))));
            }
        }
        Located body = contract.resolve(contract.operation(operation).child("requestBody"));
        if (!body.node().isMissingNode()) {
            problems.addAll(contentProblems("request", body.child("content"),
                    exchange.requestHeaders().getContentType(), exchange.requestBody()));
        }
        return prefixed(operation + " request", problems);
    }

    private List<String> contentProblems(String what, Located content, MediaType actualType, byte[] body) {
        if (content.node().isMissingNode()) {
            return body.length == 0 ? List.of() : List.of(what + " has a body where none is documented");
        }
        Optional<String> documentedType = content.names().stream()
                .filter(type -> actualType != null && MediaType.parseMediaType(type).equals(actualType))
                .findFirst();
        if (documentedType.isEmpty()) {
            return List.of(what + " Content-Type " + actualType + " is not one of " + content.names());
        }
        Located schema = content.child(documentedType.get()).child("schema");
        MediaType type = MediaType.parseMediaType(documentedType.get());
        boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        JsonNode instance;
        try {
            instance = json ? JSON.readTree(body) : NODES.stringNode(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException unreadable) {
            return List.of(what + " body is not JSON: " + unreadable.getOriginalMessage());
        }
        return prefixed(what + " body", contract.schemaProblems(schema, instance));
    }

    /** A parameter's or header's text as the JSON value its schema describes. */
    private static JsonNode textValue(Located schema, String text) {
        String type = schema.node().path("type").asString("");
        if (type.equals("array")) {
            ArrayNode items = NODES.arrayNode();
            for (String item : text.split(",", -1)) {
                items.add(item);
            }
            return items;
        }
        if (type.equals("integer") || type.equals("number")) {
            try {
                JsonNode number = JSON.readTree(text);
                if (number.isNumber()) {
                    return number;
                }
            } catch (JacksonException notANumber) {
                // left as text, so that the schema reports the wrong type
            }
        }
        return NODES.stringNode(text);
    }

    private static List<String> prefixed(String prefix, List<String> problems) {
        return problems.stream().map(problem -> prefix + ": " + problem).toList();
    }
}
