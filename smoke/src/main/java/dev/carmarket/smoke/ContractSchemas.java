package dev.carmarket.smoke;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's JSON Schemas (draft 2020-12), read from the jar (the build copies contract/schemas/ into it).
 * Cross-file {@code $ref}s resolve inside the jar: relative ones against the classpath location, absolute ones
 * through a mapping of each schema's {@code $id} base to that same location.
 */
final class ContractSchemas {

    static final String CLASSPATH_DIRECTORY = "contract/schemas/";
    private static final String CLASSPATH_BASE = "classpath:" + CLASSPATH_DIRECTORY;
    private static final int MAX_REPORTED_VIOLATIONS = 3;

    private final Map<ContractSchema, Schema> schemas;

    private ContractSchemas(Map<ContractSchema, Schema> schemas) {
        this.schemas = schemas;
    }

    /** @throws IllegalStateException when a schema is missing from the jar or cannot be compiled */
    static ContractSchemas loadFromClasspath() {
        JsonMapper mapper = SmokeJson.newMapper();
        Map<String, String> idBases = new HashMap<>();
        for (ContractSchema schema : ContractSchema.values()) {
            JsonNode document = read(mapper, schema);
            String id = document.path("$id").asString("");
            if (id.contains("/")) {
                idBases.put(id.substring(0, id.lastIndexOf('/') + 1), CLASSPATH_BASE);
            }
        }
        // Formats (uuid, date-time, uri) are part of the contract, so they are asserted, not just annotated.
        // JSON_PATH: violations read "$.data[0].year: ...", which is what a report reader expects.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> idBases.forEach(resolvers::mapPrefix)));
        Map<ContractSchema, Schema> compiled = new EnumMap<>(ContractSchema.class);
        for (ContractSchema schema : ContractSchema.values()) {
            compiled.put(schema, compile(registry, schema));
        }
        return new ContractSchemas(compiled);
    }

    /** The schema violations of {@code instance}, at most a few, each as "path: problem"; empty when it conforms. */
    List<String> violations(ContractSchema schema, JsonNode instance) {
        return schemas.get(schema).validate(instance).stream()
                .limit(MAX_REPORTED_VIOLATIONS)
                .map(Error::toString)
                .toList();
    }

    private static JsonNode read(JsonMapper mapper, ContractSchema schema) {
        String resource = CLASSPATH_DIRECTORY + schema.fileName();
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not packaged in the smoke jar");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + resource + ": " + e.getMessage(), e);
        }
    }

    private static Schema compile(SchemaRegistry registry, ContractSchema schema) {
        try {
            Schema compiled = registry.getSchema(SchemaLocation.of(CLASSPATH_BASE + schema.fileName()));
            compiled.initializeValidators(); // resolves every $ref now, so a broken reference fails at start-up
            return compiled;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot compile schema " + schema.fileName() + ": " + e.getMessage(), e);
        }
    }
}
