import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A stand-in release for the deploy tests, packaged as carmarket.jar. It behaves like the service
 * where the deploy script looks: {@code --preflight} exits 0 (printing STUB_PREFLIGHT_REPORT when
 * set), PORT and APP_RELEASE are honoured, {@code GET /health/live} reports the version,
 * {@code GET /health/ready} needs the bearer token and is UP only while the host:port of
 * DATABASE_URL accepts connections.
 *
 * <p>The {@code stub-mode} resource picks the rest:
 * <ul>
 *   <li>{@code broken-search}: {@code /car-details/search} answers 200 with a wrong shape, so the
 *       smoke gate fails although readiness passes;</li>
 *   <li>{@code contract}: every other route the smoke pack reads answers from the smoke module's
 *       hand-written fixtures (directory STUB_FIXTURES), so a release passes the smoke gate; used
 *       to run the test before the real jar serves the health routes.</li>
 * </ul>
 */
public final class StubRelease {

    private static final Map<String, String> SECURITY_HEADERS = Map.ofEntries(
            Map.entry("Content-Security-Policy", "default-src 'none'"),
            Map.entry("Cross-Origin-Opener-Policy", "same-origin"),
            Map.entry("Cross-Origin-Resource-Policy", "same-origin"),
            Map.entry("Origin-Agent-Cluster", "?1"),
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-DNS-Prefetch-Control", "off"),
            Map.entry("X-Download-Options", "noopen"),
            Map.entry("X-Frame-Options", "DENY"),
            Map.entry("X-Permitted-Cross-Domain-Policies", "none"),
            Map.entry("X-XSS-Protection", "0"));

    private final String mode;
    private final Map<String, String> env = System.getenv();

    private StubRelease(String mode) {
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--preflight")) {
            // STUB_PREFLIGHT_REPORT (from the env file) stands for the service's report, e.g. pending migrations.
            System.out.println(System.getenv().getOrDefault("STUB_PREFLIGHT_REPORT", "stub preflight: OK"));
            return;
        }
        String mode;
        try (InputStream in = Objects.requireNonNull(StubRelease.class.getResourceAsStream("/stub-mode"))) {
            mode = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        new StubRelease(mode).serve(Integer.parseInt(System.getenv("PORT")));
    }

    private void serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            }
        });
        server.start(); // its dispatcher thread keeps the JVM up until PM2's SIGINT
        System.out.println("stub " + mode + " release " + env.get("APP_RELEASE") + " on port " + port);
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = Objects.toString(exchange.getRequestURI().getRawQuery(), "");
        if (path.equals("/health/live")) {
            send(exchange, 200, "{\"status\":\"UP\",\"version\":\"" + env.get("APP_RELEASE") + "\"}");
        } else if (path.equals("/health/ready") || path.equals("/metrics")) {
            internal(exchange, path);
        } else if (path.equals("/car-details/search") && mode.equals("broken-search")) {
            send(exchange, 200, "{\"cars\":[]}");
        } else if (path.equals("/car-details/search")) {
            send(exchange, query.contains("limit=0") ? 400 : 200, fixture(exchange, query.contains("limit=0")
                    ? "error-limit-invalid.json"
                    : query.contains("fuelType=PETROL") ? "search-petrol-price-asc.json" : "search-default.json"));
        } else if (path.startsWith("/car-details/")) {
            boolean listed = path.endsWith("/3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f");
            send(exchange, listed ? 200 : 404, fixture(exchange, listed ? "car-details.json" : "error-car-not-found.json")
                    .replace("{{carStatus}}", "AVAILABLE"));
        } else if (path.equals("/orders") && exchange.getRequestMethod().equals("POST")) {
            send(exchange, 400, fixture(exchange, "error-unknown-property.json"));
        } else {
            send(exchange, 404, "{\"statusCode\":404,\"message\":\"Cannot GET " + path + "\",\"error\":\"Not Found\"}");
        }
    }

    private void internal(HttpExchange exchange, String path) throws IOException {
        if (!("Bearer " + env.get("INTERNAL_TOKEN")).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"statusCode\":401,\"message\":\"Unauthorized\",\"error\":\"Unauthorized\"}");
        } else if (path.equals("/metrics")) {
            sendText(exchange, fixture(exchange, "metrics.txt"));
        } else if (databaseAccepts()) {
            send(exchange, 200, "{\"status\":\"UP\",\"checks\":{\"db\":{\"status\":\"UP\"}}}");
        } else {
            send(exchange, 503, "{\"status\":\"DOWN\",\"checks\":{\"db\":{\"status\":\"DOWN\"}}}");
        }
    }

    private boolean databaseAccepts() {
        URI database = URI.create(env.get("DATABASE_URL"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(database.getHost(), database.getPort()), 1000);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }

    private String fixture(HttpExchange exchange, String name) throws IOException {
        String requestId = Objects.toString(exchange.getRequestHeaders().getFirst("X-Request-Id"), "none");
        return Files.readString(Path.of(env.get("STUB_FIXTURES"), name)).replace("{{requestId}}", requestId);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "application/json; charset=utf-8", body);
    }

    private static void sendText(HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
