package dev.carmarket.adapters.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's own JSON mapper, independent of the application's: the wire format
 * (nulls kept, plain decimals) and the input limits must not change with someone else's
 * Jackson settings. Reading is bounded by {@link RequestLimits}; duplicate keys are refused,
 * because two parsers could disagree on which one wins.
 *
 * <p>Readers are built up front, with their deserializers resolved: Jackson creates a missing
 * deserializer under a lock, and a request must not wait for a lock on an event-loop thread.
 */
public final class WebJson {

    private final JsonMapper mapper;
    private final ObjectReader treeReader;

    public WebJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(RequestLimits.MAX_JSON_NESTING_DEPTH)
                        .maxStringLength(RequestLimits.MAX_JSON_STRING_LENGTH)
                        .maxNameLength(RequestLimits.MAX_JSON_NAME_LENGTH)
                        .maxNumberLength(RequestLimits.MAX_JSON_NUMBER_LENGTH)
                        .maxDocumentLength(RequestLimits.MAX_BODY_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        this.mapper = JsonMapper.builder(factory)
                // Unknown properties are found (and, per route, refused) before binding.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Amounts stay exact from the first byte: a tree of doubles would round them.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.treeReader = mapper.readerFor(JsonNode.class);
    }

    /** Parses a request body into a tree; any syntax or limit violation is a 400 with a generic message. */
    public JsonNode readTree(byte[] body) {
        try {
            return treeReader.readValue(strictUtf8(body));
        } catch (StreamConstraintsException tooBig) {
            throw RequestRejectedException.badRequest("Request body exceeds the JSON limits (nesting depth "
                    + RequestLimits.MAX_JSON_NESTING_DEPTH + ", string length " + RequestLimits.MAX_JSON_STRING_LENGTH
                    + ", property name length " + RequestLimits.MAX_JSON_NAME_LENGTH + ", number length "
                    + RequestLimits.MAX_JSON_NUMBER_LENGTH + ")");
        } catch (JacksonException malformed) {
            throw RequestRejectedException.badRequest("Request body is not valid JSON");
        }
    }

    /**
     * The body as text, refusing what Jackson's lenient decoder lets through: overlong encodings,
     * surrogates and code points above U+10FFFF (each a way to smuggle a character past a check).
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException invalid) {
            throw RequestRejectedException.badRequest("Request body must be valid UTF-8");
        }
    }

    /**
     * A binder of trees (whose shape was already checked) to one request type, to make at wiring
     * time. A failure is still the client's, so a 400.
     */
    public <T> Function<JsonNode, T> binderFor(Class<T> type) {
        ObjectReader reader = mapper.readerFor(type);
        return tree -> {
            try {
                return reader.readValue(tree);
            } catch (JacksonException mismatch) {
                throw RequestRejectedException.badRequest("Request body does not have the expected shape");
            }
        };
    }

    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }
}
