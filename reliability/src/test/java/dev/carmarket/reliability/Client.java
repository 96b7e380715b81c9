package dev.carmarket.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP/1.1 against one loopback port with bounded timeouts. A transport failure (refused, reset,
 * timeout) is a {@link Reply} with status 0 and the failure's name, never an exception: the
 * scenarios count it like any other outcome.
 */
final class Client {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final int port;
    private final Duration timeout;

    Client(int port) {
        this(port, DEFAULT_TIMEOUT);
    }

    Client(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    int port() {
        return port;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, (byte[]) null, Map.of());
    }

    Reply ready() {
        return send("GET", "/health/ready", (byte[]) null, Map.of("Authorization", "Bearer " + ServiceProcess.INTERNAL_TOKEN));
    }

    Reply postJson(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return send(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Bytes as given (they need not be UTF-8); a JSON content type unless {@code headers} names one. */
    Reply send(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        // An empty value leaves the header out: the way to send a body without any Content-Type.
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Reply.answered(response, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException failed) {
            return Reply.failed(failed, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
