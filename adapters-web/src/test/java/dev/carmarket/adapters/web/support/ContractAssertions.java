package dev.carmarket.adapters.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.carmarket.adapters.web.support.openapi.HttpExchange;
import dev.carmarket.adapters.web.support.openapi.OpenApiConformance;
import dev.carmarket.adapters.web.support.openapi.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where tests check a response against the contract: status, JSON content
 * type, an {@code X-Request-Id} header, and the body against its schema file under
 * {@code contract/schemas}; error envelopes also get their status, reason phrase and request id checked.
 * A response on a documented path must also be one contract/openapi.yaml documents for its operation
 * (status, headers, body): a test that provokes a status the document does not list fails here.
 */
public final class ContractAssertions {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final String SCHEMA_BASE = "https://carmarket.dev/contract/schemas/";
    private static final Path SCHEMA_DIR = Path.of(System.getProperty("contract.schemas.dir", "../contract/schemas"));
    /** Schema ids resolve to the files of contract/schemas: nothing is fetched from the network. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(ContractAssertions::schemaText));
    /** Decimals kept exact, so a test sees {@code 18990.00} as the server wrote it. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The reason phrases the contract lists (docs/api.md), plus 403 (CORS refusal) and 405. */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private static final OpenApiContract OPENAPI = OpenApiContract.load();
    private static final OpenApiConformance OPENAPI_CONFORMANCE = new OpenApiConformance(OPENAPI);

    private ContractAssertions() {
    }

    /** A success response; returns its whole body (envelope included). */
    public static JsonNode success(WebTestClient.ResponseSpec response, int status, String schemaFile) {
        return checked(response, status, schemaFile).body();
    }

    /**
     * A response whose status the test cannot know in advance (a race): validated against
     * {@code successSchema} when 2xx and as an error envelope otherwise; returns the status.
     */
    public static int anyOutcome(WebTestClient.ResponseSpec response, String successSchema) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        checked(result, result.getStatus().is2xxSuccessful() ? successSchema : "error-response.json");
        return result.getStatus().value();
    }

    /** An error envelope of this status; returns it. */
    public static JsonNode error(WebTestClient.ResponseSpec response, int status) {
        Checked checked = checked(response, status, "error-response.json");
        JsonNode body = checked.body();
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("error").asString()).isEqualTo(REASONS.get(status));
        assertThat(body.get("requestId").asString()).isEqualTo(checked.requestId());
        return body;
    }

    /** An error envelope whose message is the list of validation problems given, in any order. */
    public static JsonNode validationError(WebTestClient.ResponseSpec response, String... problems) {
        JsonNode body = error(response, 400);
        assertThat(messages(body)).containsExactlyInAnyOrder(problems);
        return body;
    }

    /** An error envelope whose message is this single string. */
    public static JsonNode errorMessage(WebTestClient.ResponseSpec response, int status, String message) {
        JsonNode body = error(response, status);
        assertThat(body.get("message").isString()).as("message is a single string").isTrue();
        assertThat(body.get("message").asString()).isEqualTo(message);
        return body;
    }

    public static List<String> messages(JsonNode errorBody) {
        JsonNode message = errorBody.get("message");
        assertThat(message.isArray()).as("message is an array of problems: %s", message).isTrue();
        return StreamSupport.stream(message.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** Validates any JSON document against a schema file; the schema tests use it too. */
    public static List<Error> schemaErrors(String schemaFile, JsonNode document) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile));
        return schema.validate(document);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private static String schemaText(String iri) {
        if (!iri.startsWith(SCHEMA_BASE)) {
            return null;
        }
        try {
            return Files.readString(SCHEMA_DIR.resolve(iri.substring(SCHEMA_BASE.length())));
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    private record Checked(JsonNode body, String requestId) {
    }

    private static Checked checked(WebTestClient.ResponseSpec response, int status, String schemaFile) {
        return checked(response.expectStatus().isEqualTo(status).expectBody().returnResult(), schemaFile);
    }

    private static Checked checked(EntityExchangeResult<byte[]> result, String schemaFile) {
        assertThat(result.getResponseHeaders().getContentType()).as("Content-Type")
                .isEqualTo(MediaType.APPLICATION_JSON);
        String requestId = result.getResponseHeaders().getFirst(REQUEST_ID);
        assertThat(requestId).as(REQUEST_ID).isNotBlank();
        byte[] bytes = result.getResponseBody();
        assertThat(bytes).as("response body").isNotNull();
        JsonNode body = JSON.readTree(bytes);
        assertThat(schemaErrors(schemaFile, body))
                .as("%s against %s", new String(bytes, StandardCharsets.UTF_8), schemaFile)
                .isEmpty();
        HttpExchange exchange = HttpExchange.of(result);
        if (!exchange.corsPreflight()) {
            OPENAPI.operationFor(exchange.method(), exchange.path()).ifPresent(operation -> assertThat(
                    OPENAPI_CONFORMANCE.responseProblems(operation, exchange)).as("%s against contract/openapi.yaml",
                    exchange).isEmpty());
        }
        return new Checked(body, requestId);
    }
}
