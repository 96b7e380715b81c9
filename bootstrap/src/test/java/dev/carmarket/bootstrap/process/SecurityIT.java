package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance of the security controls (docs/security.md) against the packaged jar in
 * production mode, so the real server configuration is what answers. Two processes: one behind
 * no proxy ({@code TRUST_PROXY=false}), one behind a trusted loopback proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    static final String ALLOWED_ORIGIN = "https://shop.example";
    static final String TOKEN = ProductionEnvironment.INTERNAL_TOKEN;
    static final String UNKNOWN_ID = "5d1c2b3a-0000-4000-8000-999999999999";

    /** Written out from docs/security.md, not read from the code under test. */
    static final Map<String, String> BASELINE = Map.ofEntries(
            Map.entry("content-security-policy", "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
                    + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';"
                    + "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                    + "upgrade-insecure-requests"),
            Map.entry("cross-origin-opener-policy", "same-origin"),
            Map.entry("cross-origin-resource-policy", "same-origin"),
            Map.entry("origin-agent-cluster", "?1"),
            Map.entry("referrer-policy", "no-referrer"),
            Map.entry("strict-transport-security", "max-age=31536000; includeSubDomains"),
            Map.entry("x-content-type-options", "nosniff"),
            Map.entry("x-dns-prefetch-control", "off"),
            Map.entry("x-download-options", "noopen"),
            Map.entry("x-frame-options", "SAMEORIGIN"),
            Map.entry("x-permitted-cross-domain-policies", "none"),
            Map.entry("x-xss-protection", "0"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TestDatabase database;
    TestDatabase proxiedDatabase;
    CarmarketProcess direct;
    CarmarketProcess proxied;
    int directPort;
    int proxiedPort;

    @BeforeAll
    void start() {
        database = TestDatabase.create();
        proxiedDatabase = TestDatabase.create();
        directPort = CarmarketProcess.freePort();
        Map<String, String> directEnvironment = ProductionEnvironment.of(directPort, database.url());
        directEnvironment.put("TRUST_PROXY", "false");
        direct = CarmarketProcess.start(directEnvironment);
        proxiedPort = CarmarketProcess.freePort();
        Map<String, String> proxiedEnvironment = ProductionEnvironment.of(proxiedPort, proxiedDatabase.url());
        proxiedEnvironment.put("TRUST_PROXY", "127.0.0.1,10.0.0.0/8,fd00::/8");
        proxied = CarmarketProcess.start(proxiedEnvironment);
        direct.awaitListening(directPort, Duration.ofSeconds(90));
        proxied.awaitListening(proxiedPort, Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        Stream.of(direct, proxied).filter(Objects::nonNull).forEach(CarmarketProcess::close);
        Stream.of(database, proxiedDatabase).filter(Objects::nonNull).forEach(TestDatabase::close);
    }

    // ---------------------------------------------------------------- HTTP helpers

    HttpResponse<String> send(int port, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(directPort, method, path, body, headers);
    }

    /** A raw HTTP/1.1 exchange (for what java.net.http refuses to send); returns the status line's code. */
    static int rawStatus(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
            for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
                statusLine.write(next);
            }
            String line = statusLine.toString(StandardCharsets.ISO_8859_1);
            assertThat(line).as("a status line, not a hang or a reset").startsWith("HTTP/1.1 ");
            return Integer.parseInt(line.substring(9, 12));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static void assertEnvelope(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"statusCode\":" + status + ",").contains("\"requestId\":\"");
    }

    static void assertBaseline(HttpHeaders headers) {
        BASELINE.forEach((name, value) -> assertThat(headers.allValues(name)).as(name).containsExactly(value));
        assertThat(headers.firstValue("x-powered-by")).isEmpty();
        assertThat(headers.firstValue("server")).isEmpty();
    }

    // ---------------------------------------------------------------- secure headers

    static Stream<Arguments> routeClasses() {
        String order = "{\"carId\":\"" + UNKNOWN_ID + "\",\"customer\":{\"fullName\":\"Jane Doe\","
                + "\"email\":\"jane@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\"}";
        return Stream.of(
                Arguments.of("search", "GET", "/car-details/search?limit=1", null, 200, false),
                Arguments.of("details", "GET", "/car-details/" + UNKNOWN_ID, null, 404, false),
                Arguments.of("order", "POST", "/orders", order, 404, true),
                Arguments.of("order read", "GET", "/orders/" + UNKNOWN_ID, null, 404, true),
                Arguments.of("payment", "POST", "/payments", "{\"orderId\":\"" + UNKNOWN_ID + "\",\"method\":\"CARD\"}",
                        404, true),
                Arguments.of("payment read", "GET", "/payments/" + UNKNOWN_ID, null, 404, true),
                Arguments.of("webhook", "POST", "/payments/webhook", "{}", 401, true),
                Arguments.of("404", "GET", "/no/such/route", null, 404, false),
                Arguments.of("405", "DELETE", "/car-details/search", null, 405, false),
                Arguments.of("413", "POST", "/orders", " ".repeat(64 * 1024 + 1), 413, true),
                Arguments.of("internal 401", "GET", "/metrics", null, 401, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeClasses")
    void everyRouteClassCarriesTheBaseline(String name, String method, String path, String body, int status,
            boolean noStore) {
        HttpResponse<String> response = body == null ? send(method, path, null)
                : send(method, path, body, "Content-Type", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertBaseline(response.headers());
        if (noStore) {
            assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        }
        if (status >= 400) {
            assertEnvelope(response, status);
        }
    }

    // ---------------------------------------------------------------- CORS

    @Test
    void anAllowedOriginGetsItselfBackAndOthersGetNothing() {
        HttpResponse<String> allowed = send("GET", "/car-details/search?limit=1", null, "Origin", ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().allValues("vary")).anyMatch(vary -> vary.contains("Origin"));

        for (String other : new String[] {"https://evil.example", "null", "http://shop.example",
                "https://shop.example:8443", "https://SHOP.example", "https://shop.example/"}) {
            HttpResponse<String> refused = send("GET", "/car-details/search?limit=1", null, "Origin", other);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.headers().firstValue("access-control-allow-origin")).as(other).isEmpty();
        }
    }

    @Test
    void preflightsAreAnsweredForTheAllowedOriginAndRefusedForOthers() {
        HttpResponse<String> allowed = send("OPTIONS", "/orders", null, "Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,idempotency-key,x-request-id");
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("access-control-allow-methods")).hasValue("GET, HEAD, POST");
        assertThat(allowed.headers().firstValue("access-control-allow-headers"))
                .hasValue("Content-Type, Idempotency-Key, X-Request-Id");
        assertThat(allowed.headers().firstValue("access-control-max-age")).hasValue("600");
        assertBaseline(allowed.headers());

        for (String other : new String[] {"https://evil.example", "null", "https://shop.example:443"}) {
            HttpResponse<String> refused = send("OPTIONS", "/orders", null, "Origin", other,
                    "Access-Control-Request-Method", "POST");
            assertEnvelope(refused, 403);
            assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();
            assertBaseline(refused.headers());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "https://*.shop.example", "shop.example", "https://shop.example/app",
            "null", "https://shop.example,*"})
    void aProductionStartRefusesALooseOrMalformedAllowlist(String origins) {
        Map<String, String> environment = ProductionEnvironment.of(CarmarketProcess.freePort(),
                "postgresql://postgres@127.0.0.1:5432/unused?sslmode=disable");
        environment.put("CORS_ALLOWED_ORIGINS", origins);
        assertRefusedStart(environment, "CORS_ALLOWED_ORIGINS");
    }

    @Test
    void aProductionStartRefusesAnImplicitTrustProxy() {
        Map<String, String> environment = ProductionEnvironment.of(CarmarketProcess.freePort(),
                "postgresql://postgres@127.0.0.1:5432/unused?sslmode=disable");
        environment.remove("TRUST_PROXY");
        assertRefusedStart(environment, "TRUST_PROXY");
        environment.put("TRUST_PROXY", "proxy.internal");
        assertRefusedStart(environment, "TRUST_PROXY");
    }

    static void assertRefusedStart(Map<String, String> environment, String variable) {
        int port = Integer.parseInt(environment.get("PORT"));
        try (CarmarketProcess process = CarmarketProcess.start(environment)) {
            assertThat(process.awaitExitWithoutListening(port, Duration.ofSeconds(30))).isNotZero();
            assertThat(process.stderr()).contains("carmarket: configuration error: " + variable + ": ");
        }
    }

    // ---------------------------------------------------------------- trust proxy

    /** The clientIp of the access-log line of the request with this id. */
    static String loggedClientIp(CarmarketProcess process, String requestId) {
        Pattern clientIp = Pattern.compile("\"clientIp\":\"([^\"]*)\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = process.stdout().lines()
                    .filter(candidate -> candidate.contains(requestId) && candidate.contains("\"clientIp\""))
                    .findFirst();
            if (line.isPresent()) {
                Matcher matcher = clientIp.matcher(line.get());
                assertThat(matcher.find()).isTrue();
                return matcher.group(1);
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError("no access-log line for request " + requestId + " in:\n" + process.stdout());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    String clientSeenBy(CarmarketProcess process, int port, String forwardedFor) {
        String requestId = "sec-" + UUID.randomUUID();
        HttpResponse<String> response = send(port, "GET", "/car-details/search?limit=1", null,
                "X-Request-Id", requestId, "X-Forwarded-For", forwardedFor);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return loggedClientIp(process, requestId);
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
        assertThat(clientSeenBy(direct, directPort, "203.0.113.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void throughOneAndTwoTrustedProxiesTheRealClientIsSeen() {
        assertThat(clientSeenBy(proxied, proxiedPort, "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clientSeenBy(proxied, proxiedPort, "127.0.0.1, 203.0.113.8, 10.0.0.2")).isEqualTo("203.0.113.8");
        assertThat(clientSeenBy(proxied, proxiedPort, "2001:db8::7, fd00::2")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "1.2.3.4:80", "999.1.1.1", ",,,", "evil.example"})
    void aMalformedForwardedForGivesASaneAddressNeverA500(String forwardedFor) {
        assertThat(clientSeenBy(proxied, proxiedPort, forwardedFor)).isEqualTo("127.0.0.1");
    }

    // ---------------------------------------------------------------- internal endpoints

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/health/ready"})
    void internalEndpointsNeedTheTokenEvenFromLoopbackInProduction(String path) {
        for (CarmarketProcess process : new CarmarketProcess[] {direct, proxied}) {
            int port = process == direct ? directPort : proxiedPort;
            HttpResponse<String> none = send(port, "GET", path, null);
            assertEnvelope(none, 401);
            assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer");
            assertEnvelope(send(port, "GET", path, null, "Authorization", "Bearer wrong-" + TOKEN), 401);
            assertEnvelope(send(port, "GET", path, null, "Authorization", "Bearer " + TOKEN.substring(1)), 401);
            assertEnvelope(send(port, "GET", path, null, "X-Forwarded-For", "127.0.0.1",
                    "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"), 401);
            assertThat(send(port, "GET", path, null, "Authorization", "Bearer " + TOKEN).statusCode())
                    .as(path).isNotEqualTo(401);
        }
    }

    @Test
    void everyOtherActuatorEndpointIsClosed() {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/health", "/actuator/heapdump",
                "/actuator/prometheus"}) {
            assertEnvelope(send("GET", path, null), 401);
            assertThat(send("GET", path, null, "Authorization", "Bearer " + TOKEN).statusCode()).as(path)
                    .isEqualTo(404);
        }
        for (String path : new String[] {"/env", "/heapdump", "/prometheus", "/health"}) {
            assertThat(send("GET", path, null, "Authorization", "Bearer " + TOKEN).statusCode()).as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void theTokenIsNeverEchoedNorLogged() {
        send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN + "-wrong");
        send("GET", "/orders/" + UNKNOWN_ID, null, "Authorization", "Bearer " + TOKEN);

        assertThat(direct.stdout() + direct.stderr()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));
    }

    // ---------------------------------------------------------------- input limits

    static String order(String notes) {
        return "{\"carId\":\"" + UNKNOWN_ID + "\",\"customer\":{\"fullName\":\"Jane Doe\",\"email\":\"jane@example.com\","
                + "\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\",\"notes\":" + notes + "}";
    }

    @Test
    void hostileBodiesAreAnsweredInTheEnvelopeNeverA500() {
        assertEnvelope(send("POST", "/orders", " ".repeat(64 * 1024 + 1), "Content-Type", "application/json"), 413);
        assertEnvelope(send("POST", "/orders", order("[".repeat(2000) + "]".repeat(2000)),
                "Content-Type", "application/json"), 400);
        assertEnvelope(send("POST", "/orders", order("\"" + "x".repeat(60_000) + "\""),
                "Content-Type", "application/json"), 400);
        assertEnvelope(send("POST", "/orders", order("\"\\u0000\""), "Content-Type", "application/json"), 400);
        assertEnvelope(send("POST", "/orders", order("\"x\""), "Content-Type", "text/plain"), 415);
        assertEnvelope(send("POST", "/orders", "carId=1", "Content-Type", "application/x-www-form-urlencoded"), 415);
        assertEnvelope(send("GET", "/car-details/search?limit=abc&q=%00", null), 400);
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] head = "{\"carId\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] overlongSlash = HexFormat.of().parseHex("C0AF");
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + overlongSlash.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(overlongSlash, 0, body, head.length, overlongSlash.length);
        System.arraycopy(tail, 0, body, head.length + overlongSlash.length, tail.length);
        String request = "POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(request.getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(body);

        assertThat(rawStatus(directPort, bytes.toByteArray())).isEqualTo(400);
    }

    @Test
    void oversizedHeadersAndRequestLinesAreRefusedInTheEnvelopeNotA500OrAHang() {
        assertDecoderRejection(RawHttp.get(directPort, "/car-details/search", "X-Big: " + "a".repeat(20_000)), 431,
                "Request Header Fields Too Large");
        assertDecoderRejection(RawHttp.get(directPort, "/car-details/search",
                "X-Filler: 0123456789012345678901234567890123456789\r\n".repeat(499)
                        + "X-Filler: 0123456789012345678901234567890123456789"), 431, "Request Header Fields Too Large");
        assertDecoderRejection(RawHttp.get(directPort, "/car-details/search?q=" + "a".repeat(8_000)), 414,
                "URI Too Long");
        // The server is still there afterwards.
        assertThat(send("GET", "/car-details/search?limit=1", null).statusCode()).isEqualTo(200);
    }

    /** Reactor Netty refuses these before WebFlux runs; the answer must still be the contract's envelope. */
    private static void assertDecoderRejection(RawHttp.Outcome outcome, int status, String error) {
        assertThat(outcome).isInstanceOf(RawHttp.Answered.class);
        RawHttp.Answered answer = (RawHttp.Answered) outcome;
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("content-type")).isEqualTo("application/json");
        assertThat(answer.header("connection")).isEqualTo("close");
        String requestId = answer.header("x-request-id");
        assertThat(requestId).isNotBlank();
        assertThat(answer.body()).startsWith("{\"statusCode\":" + status + ",")
                .contains("\"error\":\"" + error + "\"", "\"requestId\":\"" + requestId + "\"");
        BASELINE.forEach((name, value) -> assertThat(answer.header(name)).as(name).isEqualTo(value));
    }
}
