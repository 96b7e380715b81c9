package dev.carmarket.adapters.observability.sentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP endpoint standing in for Sentry's ingestion API on a random loopback port. It keeps
 * every envelope posted to project 42 (decompressed when the SDK gzips it) and answers 200.
 */
final class SentryEnvelopeServer implements AutoCloseable {

    static final String ENVELOPE_PATH = "/api/42/envelope/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One item of an envelope: its header (with {@code type}) and its payload as sent. */
    record Item(JsonNode header, String payload) {

        String type() {
            return header.path("type").asString();
        }

        JsonNode json() {
            return JSON.readTree(payload);
        }
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> envelopes = new CopyOnWriteArrayList<>();

    SentryEnvelopeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** A DSN that sends project 42's events here. */
    String dsn() {
        return "http://publickey@127.0.0.1:" + server.getAddress().getPort() + "/42";
    }

    /** Every request received, as {@code METHOD path}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The items of every envelope received, in order. */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        envelopes.forEach(envelope -> items.addAll(parse(envelope)));
        return items;
    }

    List<Item> items(String type) {
        return items().stream().filter(item -> item.type().equals(type)).toList();
    }

    /** Every envelope as text, to search for what must never be sent. */
    String rawText() {
        StringBuilder text = new StringBuilder();
        envelopes.forEach(envelope -> text.append(new String(envelope, StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals(ENVELOPE_PATH)) {
                envelopes.add(body(exchange));
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        boolean gzipped = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream raw = exchange.getRequestBody();
                InputStream body = gzipped ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.transferTo(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * The envelope format: a header line, then per item a header line and a payload of the header's
     * {@code length} bytes (or up to the next newline when the header has none).
     */
    private static List<Item> parse(byte[] envelope) {
        List<Item> items = new ArrayList<>();
        int position = lineEnd(envelope, 0) + 1;
        while (position < envelope.length) {
            int headerEnd = lineEnd(envelope, position);
            if (headerEnd == position) {
                position++;
                continue;
            }
            JsonNode header = JSON.readTree(new String(envelope, position, headerEnd - position, StandardCharsets.UTF_8));
            int payloadStart = headerEnd + 1;
            int payloadEnd = header.has("length")
                    ? payloadStart + header.get("length").asInt()
                    : lineEnd(envelope, payloadStart);
            items.add(new Item(header,
                    new String(envelope, payloadStart, payloadEnd - payloadStart, StandardCharsets.UTF_8)));
            position = payloadEnd + 1;
        }
        return items;
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int index = from; index < bytes.length; index++) {
            if (bytes[index] == '\n') {
                return index;
            }
        }
        return bytes.length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
