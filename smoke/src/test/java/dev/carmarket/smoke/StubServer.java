package dev.carmarket.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local HTTP server on 127.0.0.1 and a random port. Routes are matched newest first, so a test overrides one
 * route of the baseline by adding it again. Counts requests per "METHOD /path" so tests can see retries.
 */
final class StubServer implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst().orElse("");
        }

        boolean queryHas(String parameter) {
            return ("&" + query + "&").contains("&" + parameter + "&");
        }

        String lastPathSegment() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** {@code headerDelay} passes before the status line, {@code bodyDelay} between headers and body. */
    record Response(int status, Map<String, String> headers, String body, Duration headerDelay, Duration bodyDelay) {

        Response(int status, Map<String, String> headers, String body) {
            this(status, headers, body, Duration.ZERO, Duration.ZERO);
        }

        Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body, headerDelay, bodyDelay);
        }

        Response delayedBy(Duration delay) {
            return new Response(status, headers, body, delay, bodyDelay);
        }

        Response withBodyStalledFor(Duration delay) {
            return new Response(status, headers, body, headerDelay, delay);
        }
    }

    @FunctionalInterface
    interface Responder {
        Response respond(Request request);
    }

    private record Route(String method, Pattern path, Responder responder) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Set<String> suppressedHeaders = ConcurrentHashMap.newKeySet();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a route that takes precedence over every route added before it. */
    StubServer on(String method, String pathRegex, Responder responder) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), responder));
        return this;
    }

    /** Removes a header from every response (a deployment that forgot it). */
    void suppressHeader(String name) {
        suppressedHeaders.add(name.toLowerCase());
    }

    int hits(String method, String path) {
        AtomicInteger count = hits.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String query = exchange.getRequestURI().getRawQuery();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? "" : query, exchange.getRequestHeaders(), body);
            hits.computeIfAbsent(request.method() + " " + request.path(), key -> new AtomicInteger()).incrementAndGet();
            Response response = routes.stream()
                    .filter(route -> route.method().equals(request.method())
                            && route.path().matcher(request.path()).matches())
                    .findFirst()
                    .map(route -> route.responder().respond(request))
                    .orElseGet(() -> new Response(404, Map.of(), ""));
            pause(response.headerDelay());
            response.headers().forEach((name, value) -> {
                if (!suppressedHeaders.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().add(name, value);
                }
            });
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                pause(response.bodyDelay());
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (a timeout test); nothing to answer
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
