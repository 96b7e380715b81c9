package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.RawHttp.Answered;
import dev.carmarket.bootstrap.process.RawHttp.Broken;
import dev.carmarket.bootstrap.process.RawHttp.Outcome;
import dev.carmarket.bootstrap.process.RawHttp.Refused;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance: the packaged jar under a steady stream of slow (database-bound, slowed down by a proxy)
 * and fast requests gets SIGTERM or SIGINT (what PM2 sends). Readiness turns DOWN before the
 * listener closes, every accepted request gets its complete answer, and the process exits 0 within
 * the grace period.
 */
class GracefulShutdownIT {

    private static final Duration GRACE_PERIOD = Duration.ofSeconds(4);
    /** Each database answer is held this long: a search takes a few hundred milliseconds more. */
    private static final Duration DATABASE_LATENCY = Duration.ofMillis(300);
    private static final String READINESS_TOKEN = "Authorization: Bearer " + ProductionEnvironment.INTERNAL_TOKEN;

    /** One request of the load: what was asked, when, and what came back. */
    private record Call(String path, long startedNanos, long endedNanos, Outcome outcome) {
    }

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
                List<Call> all = List.copyOf(calls);
                assertThat(all).as("every accepted request got its complete answer")
                        .filteredOn(call -> call.outcome() instanceof Broken).isEmpty();
                assertThat(all).as("no answer but 200")
                        .filteredOn(call -> !(call.outcome() instanceof Answered answered && answered.status() == 200)
                                && !(call.outcome() instanceof Refused))
                        .isEmpty();
                assertThat(all).as("slow requests were in flight when the signal came and still completed")
                        .anyMatch(call -> call.path().startsWith("/car-details") && call.startedNanos() < signalledAt
                                && call.endedNanos() > signalledAt && call.outcome() instanceof Answered);
                assertReadinessWentDownBeforeTheListenerClosed(List.copyOf(readiness), signalledAt);
                assertThat(process.stdout()).contains("Shutting down: readiness is DOWN");
            }
        }
    }

    private static void assertReadinessWentDownBeforeTheListenerClosed(List<Call> readiness, long signalledAt) {
        long firstDown = readiness.stream()
                .filter(call -> call.outcome() instanceof Answered answered && answered.status() == 503
                        && answered.body().contains("shutting down"))
                .mapToLong(Call::endedNanos).min().orElseThrow(() -> new AssertionError(
                        "readiness never answered DOWN while shutting down: " + readiness));
        long firstRefused = readiness.stream().filter(call -> call.outcome() instanceof Refused)
                .mapToLong(Call::startedNanos).min().orElseThrow(() -> new AssertionError(
                        "the listener never closed: " + readiness));
        assertThat(firstDown).isGreaterThan(signalledAt).isLessThan(firstRefused);
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
    private static void repeat(int port, String path, ConcurrentLinkedQueue<Call> calls, AtomicBoolean stop,
            String... headers) {
        while (!stop.get()) {
            long started = System.nanoTime();
            Outcome outcome = RawHttp.get(port, path, headers);
            calls.add(new Call(path, started, System.nanoTime(), outcome));
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
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
