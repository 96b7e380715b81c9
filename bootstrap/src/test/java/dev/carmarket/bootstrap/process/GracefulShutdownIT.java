package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.RawHttp.Answered;
import dev.carmarket.bootstrap.process.RawHttp.Broken;
import dev.carmarket.bootstrap.process.RawHttp.Outcome;
import dev.carmarket.bootstrap.process.RawHttp.Refused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance: the packaged jar under a steady stream of slow (database-bound, slowed down by a proxy)
 * and fast requests gets SIGTERM or SIGINT (what PM2 sends). Readiness turns DOWN before the
 * listener closes, every accepted request gets its complete answer, and the process exits 0 within
 * the grace period. A request the database holds past the grace period is answered 503, not dropped.
 */
class GracefulShutdownIT {

    private static final Duration GRACE_PERIOD = Duration.ofSeconds(4);
    /** Each database answer is held this long: a search takes a few hundred milliseconds more. */
    private static final Duration DATABASE_LATENCY = Duration.ofMillis(300);
    private static final String READINESS_TOKEN = "Authorization: Bearer " + ProductionEnvironment.INTERNAL_TOKEN;

    /** One request of the load: what was asked, under which request id, when, and what came back. */
    private record Call(String path, String requestId, long startedNanos, long endedNanos, Outcome outcome) {
    }

    private final AtomicInteger requestNumber = new AtomicInteger();

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void underLoadEveryAcceptedRequestIsAnsweredAndTheProcessExitsZero(String signal) throws Exception {
        int port = CarmarketProcess.freePort();
        Map<String, String> environment;
        try (TestDatabase database = TestDatabase.create();
             TcpProxy postgres = TcpProxy.to(5432)) {
            environment = ProductionEnvironment.of(port, database.urlVia(postgres.port()));
            environment.put("SHUTDOWN_GRACE_PERIOD", GRACE_PERIOD.toSeconds() + "s");
            try (CarmarketProcess process = CarmarketProcess.start(environment)) {
                process.awaitListening(port, Duration.ofSeconds(60));
                postgres.latency(DATABASE_LATENCY);

                ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<Call> readiness = new ConcurrentLinkedQueue<>();
                AtomicBoolean listenerClosed = new AtomicBoolean();
                ExecutorService load = Executors.newFixedThreadPool(7);
                for (int worker = 0; worker < 6; worker++) {
                    String path = worker % 2 == 0 ? "/car-details/search?limit=5" : "/health/live";
                    load.execute(() -> repeat(port, path, calls, listenerClosed));
                }
                load.execute(() -> repeat(port, "/health/ready", readiness, listenerClosed, READINESS_TOKEN));

                awaitSlowRequestsAnswered(calls, 3);
                awaitReady(readiness);
                long signalledAt = System.nanoTime();
                int exitStatus = process.stop(signal, GRACE_PERIOD.plusSeconds(10));
                Duration timeToExit = Duration.ofNanos(System.nanoTime() - signalledAt);
                listenerClosed.set(true);
                load.shutdown();
                assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                assertThat(exitStatus).as(process.stdout()).isZero();
                assertThat(timeToExit).isLessThan(GRACE_PERIOD.plusSeconds(3));
                long readinessDown = assertReadinessWentDownBeforeTheListenerClosed(List.copyOf(readiness),
                        signalledAt);
                List<Call> all = List.copyOf(calls);
                // A connection the server accepted but closed before reading its request (the race of any
                // HTTP/1.1 server closing its listener) has no access line: that request was never accepted.
                Set<String> accepted = acceptedRequestIds(process.stdout());
                assertThat(all).as("every accepted request got its complete answer")
                        .filteredOn(call -> call.outcome() instanceof Broken && accepted.contains(call.requestId()))
                        .isEmpty();
                assertThat(all).as("what was sent while readiness was UP was answered, all 200")
                        .filteredOn(call -> call.startedNanos() < readinessDown)
                        .filteredOn(call -> !(call.outcome() instanceof Answered answered && answered.status() == 200))
                        .isEmpty();
                assertThat(all).as("every answer is a 200")
                        .filteredOn(call -> call.outcome() instanceof Answered answered && answered.status() != 200)
                        .isEmpty();
                assertThat(all).as("slow requests were in flight when the signal came and still completed")
                        .anyMatch(call -> call.path().startsWith("/car-details") && call.startedNanos() < signalledAt
                                && call.endedNanos() > signalledAt && call.outcome() instanceof Answered);
                assertThat(process.stdout()).contains("Shutting down: readiness is DOWN");
            }
        }
    }

    @Test
    void aRequestStillRunningNearTheEndOfTheGracePeriodIsAnswered503AndTheExitStaysBounded() throws Exception {
        int port = CarmarketProcess.freePort();
        Duration gracePeriod = Duration.ofSeconds(2);
        try (TestDatabase database = TestDatabase.create();
             TcpProxy postgres = TcpProxy.to(5432)) {
            Map<String, String> environment = ProductionEnvironment.of(port, database.urlVia(postgres.port()));
            environment.put("SHUTDOWN_GRACE_PERIOD", gracePeriod.toSeconds() + "s");
            try (CarmarketProcess process = CarmarketProcess.start(environment)) {
                process.awaitListening(port, Duration.ofSeconds(60));
                // The database now takes far longer than the grace period to answer.
                postgres.latency(Duration.ofSeconds(10));
                CompletableFuture<Outcome> stuck = CompletableFuture.supplyAsync(
                        () -> RawHttp.get(port, "/car-details/search?limit=5", "X-Request-Id: stuck-1"));
                pauseFor(Duration.ofMillis(500));
                assertThat(stuck).as("the request waits for the database").isNotDone();

                long signalledAt = System.nanoTime();
                assertThat(process.stop("TERM", gracePeriod.plusSeconds(10))).as(process.stdout()).isZero();
                Duration timeToExit = Duration.ofNanos(System.nanoTime() - signalledAt);

                assertThat(timeToExit).isLessThan(gracePeriod.plusSeconds(3));
                assertThat(stuck.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(Answered.class, answer -> {
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.header("X-Request-Id")).isEqualTo("stuck-1");
                    assertThat(InternalHttp.JSON.readTree(answer.body()).path("message").asString())
                            .isEqualTo("The service is shutting down; retry the request");
                });
            }
        }
    }

    @Test
    void whileDrainingAnswersCloseTheirKeepAliveConnectionSoNoProxyRacesTheListenerClosing() throws Exception {
        int port = CarmarketProcess.freePort();
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> environment = ProductionEnvironment.of(port, database.url());
            // A drain delay of 1 s between readiness DOWN and the listener closing.
            environment.put("SHUTDOWN_GRACE_PERIOD", "10s");
            try (CarmarketProcess process = CarmarketProcess.start(environment);
                 Socket keptAlive = new Socket()) {
                process.awaitListening(port, Duration.ofSeconds(60));
                keptAlive.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                keptAlive.setSoTimeout(5_000);
                assertThat(exchangeKeptAlive(keptAlive)).as("before the stop the connection stays open")
                        .doesNotContainIgnoringCase("connection: close");

                process.signal("TERM");
                awaitReadinessDown(port);
                assertThat(exchangeKeptAlive(keptAlive)).as("an answer during the drain ends its connection")
                        .startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
                assertThat(keptAlive.getInputStream().read()).as("then the server closes it").isEqualTo(-1);
                assertThat(process.awaitExit(Duration.ofSeconds(20))).isZero();
            }
        }
    }

    /** One {@code GET /health/live} on an open connection; returns the response head. */
    private static String exchangeKeptAlive(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("a complete response head, got: %s", head).isNotNegative();
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
        assertThat(length.find()).as(text).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return text;
    }

    private static void awaitReadinessDown(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(RawHttp.get(port, "/health/ready", READINESS_TOKEN) instanceof Answered answer
                && answer.status() == 503)) {
            assertThat(System.nanoTime()).as("readiness turns DOWN after the signal").isLessThan(deadline);
            pause();
        }
    }

    /** @return when readiness was first seen DOWN */
    private static long assertReadinessWentDownBeforeTheListenerClosed(List<Call> readiness, long signalledAt) {
        long firstDown = readiness.stream()
                .filter(call -> call.outcome() instanceof Answered answered && answered.status() == 503
                        && answered.body().contains("shutting down"))
                .mapToLong(Call::endedNanos).min().orElseThrow(() -> new AssertionError(
                        "readiness never answered DOWN while shutting down: " + readiness));
        long firstRefused = readiness.stream().filter(call -> call.outcome() instanceof Refused)
                .mapToLong(Call::startedNanos).min().orElseThrow(() -> new AssertionError(
                        "the listener never closed: " + readiness));
        assertThat(firstDown).isGreaterThan(signalledAt).isLessThan(firstRefused);
        return firstDown;
    }

    private static Set<String> acceptedRequestIds(String stdout) {
        return stdout.lines().filter(line -> line.startsWith("{"))
                .map(line -> InternalHttp.JSON.readTree(line))
                .filter(line -> line.path("logger_name").asString().endsWith(".AccessLogFilter"))
                .map(line -> line.path("requestId").asString())
                .collect(Collectors.toSet());
    }

    /** Readiness was UP (answered 200) right before the signal. */
    private static void awaitReady(ConcurrentLinkedQueue<Call> readiness) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (readiness.stream().noneMatch(call -> call.outcome() instanceof Answered answered
                && answered.status() == 200)) {
            assertThat(System.nanoTime()).as("ready before the signal: %s", readiness).isLessThan(deadline);
            pause();
        }
    }

    /** Sends requests one after another until the listener refuses one (or the test says stop). */
    private void repeat(int port, String path, ConcurrentLinkedQueue<Call> calls, AtomicBoolean stop,
            String... headers) {
        while (!stop.get()) {
            String requestId = "load-" + requestNumber.incrementAndGet();
            String[] withId = Stream.concat(Stream.of(headers), Stream.of("X-Request-Id: " + requestId))
                    .toArray(String[]::new);
            long started = System.nanoTime();
            Outcome outcome = RawHttp.get(port, path, withId);
            calls.add(new Call(path, requestId, started, System.nanoTime(), outcome));
            if (outcome instanceof Refused) {
                return;
            }
        }
    }

    private static void awaitSlowRequestsAnswered(ConcurrentLinkedQueue<Call> calls, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (calls.stream().filter(call -> call.path().startsWith("/car-details")
                && call.outcome() instanceof Answered).count() < count) {
            assertThat(System.nanoTime()).as("slow requests are answered before the signal").isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        pauseFor(Duration.ofMillis(50));
    }

    private static void pauseFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
