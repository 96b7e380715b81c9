package dev.carmarket.adapters.web.body;

import dev.carmarket.adapters.web.http.RequestLimits;
import dev.carmarket.adapters.web.http.RequestRejectedException;
import dev.carmarket.adapters.web.http.WebJson;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of one strict route into its request record, the same way for every
 * route: content type ({@code application/json}, else 415), size (never more than 64 KiB
 * buffered, else 413), syntax and limits (400), undeclared properties per the route's
 * {@link StrictMode}, JSON types (400), then binding to the request record and its conversion
 * into a port command. Every problem found in the body, unknown properties included, ends up
 * in one 400 response. Made by {@link JsonBodyReaders#forRoute}.
 */
public final class JsonBodyReader<D extends Record> {

    private static final Logger log = LoggerFactory.getLogger(JsonBodyReader.class);

    private final WebJson json;
    private final JsonShapeInspector inspector;
    private final String route;
    private final StrictMode mode;
    private final Class<D> requestType;
    private final Function<JsonNode, D> binder;
    private final UnknownPropertyListener listener;

    JsonBodyReader(WebJson json, JsonShapeInspector inspector, String route, StrictMode mode, Class<D> requestType,
            UnknownPropertyListener listener) {
        this.json = json;
        this.inspector = inspector;
        this.route = route;
        this.mode = mode;
        this.requestType = requestType;
        this.binder = json.binderFor(requestType);
        this.listener = listener;
    }

    /** Reads, checks and converts the body; see the class comment for the order of checks. */
    public <C> Mono<C> read(ServerRequest request, Function<D, C> converter) {
        return readBytes(request).map(body -> convert(body, converter));
    }

    /**
     * The raw body after the content-type check, joined up to the size limit only
     * (a longer stream fails with a {@code DataBufferLimitException}, mapped to 413). Empty if there is none.
     */
    public Mono<byte[]> readBytes(ServerRequest request) {
        return Mono.defer(() -> {
            requireJson(request);
            return DataBufferUtils.join(request.exchange().getRequest().getBody(), RequestLimits.MAX_BODY_BYTES)
                    .map(buffer -> {
                        try {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            return bytes;
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .defaultIfEmpty(new byte[0]);
        });
    }

    /** Parses raw body bytes (e.g. after a signature check) and converts them like {@link #read}. */
    public <C> C convert(byte[] body, Function<D, C> converter) {
        JsonNode tree = body.length == 0 ? null : json.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw RequestRejectedException.badRequest("Request body must be a JSON object");
        }
        JsonShapeInspector.Inspection inspection = inspector.inspect(tree, requestType);
        List<String> strictProblems = strictProblems(inspection.unknownPaths());
        if (!inspection.typeProblems().isEmpty()) {
            throw DomainException.invalid(concat(strictProblems, inspection.typeProblems()));
        }
        C converted;
        try {
            converted = converter.apply(binder.apply(tree));
        } catch (DomainException invalid) {
            if (invalid.error() != DomainError.INVALID_INPUT) {
                throw invalid;
            }
            throw DomainException.invalid(concat(strictProblems, invalid.problems()));
        }
        if (!strictProblems.isEmpty()) {
            throw DomainException.invalid(strictProblems);
        }
        return converted;
    }

    /** Reports each unknown property; returns the 400 messages they cause (only in ENFORCE mode). */
    private List<String> strictProblems(List<String> unknownPaths) {
        if (mode == StrictMode.OFF) {
            return List.of();
        }
        unknownPaths.forEach(path -> listener.unknownProperty(route, mode, path));
        if (mode == StrictMode.REPORT) {
            unknownPaths.forEach(path -> log.warn("Ignored unknown property '{}' on {} (strict validation report mode)",
                    printable(path), route));
            return List.of();
        }
        return unknownPaths.stream().map(path -> "property " + path + " should not exist").toList();
    }

    private static void requireJson(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException unreadable) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            throw new RequestRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json");
        }
    }

    /** A property name is client input: keep control characters out of the log line. */
    private static String printable(String path) {
        return path.replaceAll("\\p{Cntrl}", "?");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
