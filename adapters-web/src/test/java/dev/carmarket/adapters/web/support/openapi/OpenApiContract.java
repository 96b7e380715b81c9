package dev.carmarket.adapters.web.support.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code contract/openapi.yaml}, read as the document it is: its operations, their documented
 * statuses, responses and parameters, and validation of a value against any schema in it.
 *
 * <p>Schemas are validated by networknt's json-schema-validator with its OpenAPI 3.1 dialect (JSON Schema
 * 2020-12 plus {@code discriminator}), pointing into the document itself, so every {@code $ref} resolves
 * as a client generator resolves it: {@code ./schemas/*.json} relative to the document, and the
 * {@code common.json#/$defs/...} references inside those files relative to their {@code $id}. The
 * document gets the IRI {@code https://carmarket.dev/contract/openapi.yaml}, under which those ids
 * already live; everything under that prefix is read from the contract folder, nothing from the network.
 *
 * <p>Why not Atlassian's swagger-request-validator: its 2.x line (2.44.9 here) validates schemas with a
 * JSON Schema draft-04 engine and serializes the parsed 3.1 schemas with its 3.0 mapper, which drops
 * {@code type} when it is a 3.1 type list: on this contract it rejected valid search responses and let
 * both branches of the error envelope's {@code message} oneOf match. Its 3.x line
 * ({@code openapi-request-validator-core}) validates 3.1 through networknt 2.x, but needs Java 21 and the
 * Jackson 2 line of networknt, which cannot sit beside the 3.x (Jackson 3) one this build uses.
 * What it would add on top, finding the operation and checking the status, the headers and the
 * content type, is the small {@link OpenApiConformance}.
 */
public final class OpenApiContract {

    static final String BASE_IRI = "https://carmarket.dev/contract/";
    private static final String DOCUMENT_IRI = BASE_IRI + "openapi.yaml";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final Path directory;
    private final Located document;
    private final SchemaRegistry schemas;

    private OpenApiContract(Path document) {
        this.directory = document.toAbsolutePath().getParent();
        this.document = new Located("", YAMLMapper.builder().build().readTree(read(document)));
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(this::contractFile));
    }

    /** The contract file the build names ({@code contract.openapi}), or the one beside this module. */
    public static OpenApiContract load() {
        return new OpenApiContract(Path.of(System.getProperty("contract.openapi", "../contract/openapi.yaml")));
    }

    /** Every operation of {@code paths}. */
    public SortedSet<ApiOperation> operations() {
        SortedSet<ApiOperation> operations = new TreeSet<>();
        document.node().path("paths").properties().forEach(path -> METHODS.stream()
                .filter(method -> path.getValue().has(method))
                .forEach(method -> operations.add(new ApiOperation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)),
                        path.getKey()))));
        return operations;
    }

    /** The statuses {@code responses} lists for the operation. */
    public SortedSet<Integer> statuses(ApiOperation operation) {
        SortedSet<Integer> statuses = new TreeSet<>();
        operation(operation).child("responses").node().propertyNames().forEach(code -> statuses.add(Integer.valueOf(code)));
        return statuses;
    }

    /**
     * The path template that serves {@code path} and its parameters. A literal segment wins over a
     * template segment, as the router's literal paths win over its templates.
     */
    public Optional<PathMatch> match(String path) {
        return document.node().path("paths").propertyNames().stream()
                .map(template -> PathMatch.of(template, path))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(PathMatch::literalSegments));
    }

    /**
     * The operation that documents a request: by its path and method; for a method its path does not serve
     * (a 405, or a refusal that comes before routing), the path's one operation. Empty when no path matches.
     */
    public Optional<ApiOperation> operationFor(HttpMethod method, String path) {
        return match(path).map(PathMatch::template).map(template -> {
            List<ApiOperation> atPath = operations().stream()
                    .filter(operation -> operation.pathTemplate().equals(template)).toList();
            List<ApiOperation> byMethod = atPath.stream().filter(operation -> operation.method().equals(method))
                    .toList();
            List<ApiOperation> candidates = byMethod.isEmpty() ? atPath : byMethod;
            if (candidates.size() != 1) {
                throw new IllegalStateException("no single operation documents " + method + " " + path + ": "
                        + candidates);
            }
            return candidates.get(0);
        });
    }

    Located operation(ApiOperation operation) {
        Located located = document.child("paths").child(operation.pathTemplate())
                .child(operation.method().name().toLowerCase(Locale.ROOT));
        if (located.node().isMissingNode()) {
            throw new IllegalArgumentException("contract/openapi.yaml has no " + operation);
        }
        return located;
    }

    Optional<Located> response(ApiOperation operation, int status) {
        Located response = operation(operation).child("responses").child(String.valueOf(status));
        return response.node().isMissingNode() ? Optional.empty() : Optional.of(resolve(response));
    }

    /** The operation's parameters and those of its path item, each resolved. */
    List<Located> parameters(ApiOperation operation) {
        Located pathItem = document.child("paths").child(operation.pathTemplate());
        List<Located> parameters = new ArrayList<>();
        Stream.of(pathItem.child("parameters"), operation(operation).child("parameters"))
                .forEach(list -> list.elements().forEach(parameter -> parameters.add(resolve(parameter))));
        return parameters;
    }

    /** Follows the document's own {@code $ref}s (responses, parameters, headers) to what they name. */
    Located resolve(Located located) {
        Located current = located;
        while (current.node().path("$ref").isString() && current.node().path("$ref").asString().startsWith("#/")) {
            String pointer = current.node().path("$ref").asString().substring(1);
            current = new Located(pointer, document.node().at(pointer));
            if (current.node().isMissingNode()) {
                throw new IllegalStateException("contract/openapi.yaml: unresolvable $ref " + pointer);
            }
        }
        return current;
    }

    /** Problems of {@code instance} against the schema at {@code schema} (empty when it conforms). */
    List<String> schemaProblems(Located schema, JsonNode instance) {
        List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schema.pointer())).validate(instance);
        return errors.stream().map(Error::toString).toList();
    }

    private String contractFile(String iri) {
        return iri.startsWith(BASE_IRI) ? read(directory.resolve(iri.substring(BASE_IRI.length()))) : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** The path templates of {@code paths} with their parameters' values. */
    public record PathMatch(String template, Map<String, String> parameters, int literalSegments) {

        static Optional<PathMatch> of(String template, String path) {
            String[] expected = template.split("/", -1);
            String[] actual = path.split("/", -1);
            if (expected.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int literals = 0;
            for (int i = 0; i < expected.length; i++) {
                if (expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty()) {
                    parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
                } else if (expected[i].equals(actual[i])) {
                    literals++;
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new PathMatch(template, Map.copyOf(parameters), literals));
        }
    }

    /** A node of the document and its JSON pointer (the pointer is what schema validation needs). */
    record Located(String pointer, JsonNode node) {

        Located child(String name) {
            return new Located(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), node.path(name));
        }

        List<Located> elements() {
            List<Located> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(new Located(pointer + "/" + i, node.get(i)));
            }
            return elements;
        }

        List<String> names() {
            return List.copyOf(node.propertyNames());
        }
    }
}
