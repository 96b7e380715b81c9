package dev.carmarket.bootstrap.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReadinessReport;
import dev.carmarket.adapters.web.health.ConnectionDrain;
import dev.carmarket.adapters.web.health.ShutdownDeadline;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ServiceReadinessTest {

    private static final Duration GRACE = Duration.ofMillis(1000);
    private static final ReadinessTiming TIMING =
            new ReadinessTiming(Duration.ofMillis(500), Duration.ofMillis(20), GRACE, Duration.ofMillis(200));

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final StoreReadinessCheck database = timeout -> Mono.just(databaseUp.get()
            ? ReadinessCheck.up("db", Duration.ofMillis(2))
            : ReadinessCheck.down("db", "unreachable"));
    private final ShutdownDeadline deadline = new ShutdownDeadline();
    private final ConnectionDrain drain = new ConnectionDrain();
    private final ServiceReadiness readiness = new ServiceReadiness(database, TIMING, drain, deadline);

    @AfterEach
    void stop() {
        readiness.stop();
    }

    @Test
    void followsTheStoreOnEveryCheckAndRemembersTheLastOutcome() {
        assertThat(readiness.lastKnownReady()).as("nothing checked yet").isFalse();
        assertThat(readiness.check().block().ready()).isTrue();
        assertThat(readiness.lastKnownReady()).isTrue();

        databaseUp.set(false);
        ReadinessReport down = readiness.check().block();
        assertThat(down.ready()).isFalse();
        assertThat(down.checks()).containsExactly(ReadinessCheck.down("db", "unreachable"));
        assertThat(readiness.lastKnownReady()).isFalse();
    }

    @Test
    void whileRunningABackgroundCheckKeepsTheGaugeCurrentWithoutAnyCaller() throws InterruptedException {
        readiness.start();
        awaitUntil(readiness::lastKnownReady);
        databaseUp.set(false);
        awaitUntil(() -> !readiness.lastKnownReady());
        databaseUp.set(true);
        awaitUntil(readiness::lastKnownReady);
    }

    @Test
    void stoppingTurnsDownAtOnceThenLetsTheServerDrainAfterTheDelayThenReachesTheDeadline()
            throws InterruptedException {
        readiness.start();
        awaitUntil(readiness::lastKnownReady);
        assertThat(drain.draining()).isFalse();
        CountDownLatch drainMayStart = new CountDownLatch(1);
        CountDownLatch deadlineReached = new CountDownLatch(1);
        deadline.reached().subscribe(null, null, deadlineReached::countDown);

        long stoppedAt = System.nanoTime();
        readiness.stop(drainMayStart::countDown);

        assertThat(readiness.lastKnownReady()).isFalse();
        assertThat(drain.draining()).as("keep-alive connections end from the first moment").isTrue();
        assertThat(readiness.isRunning()).isFalse();
        assertThat(readiness.check().block().checks())
                .containsExactly(ReadinessCheck.down(ServiceReadiness.LIFECYCLE, "shutting down"));
        assertThat(drainMayStart.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(elapsedSince(stoppedAt)).isGreaterThanOrEqualTo(TIMING.drainDelay());
        assertThat(deadlineReached.getCount()).as("the deadline comes later").isOne();
        assertThat(deadlineReached.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(elapsedSince(stoppedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(200 + 900));
        assertThat(readiness.lastKnownReady()).as("no refresh after the stop").isFalse();
    }

    @Test
    void theHighestPhaseStopsFirst() {
        assertThat(readiness.getPhase()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theDrainDelayIsOneSecondAtMostATenthOfTheGracePeriod() {
        assertThat(ReadinessTiming.forGracePeriod(Duration.ofSeconds(20)).drainDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReadinessTiming.forGracePeriod(Duration.ofSeconds(2)).drainDelay())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(ReadinessTiming.forGracePeriod(Duration.ofSeconds(20)).deadlineAfterDrainStarts())
                .isEqualTo(Duration.ofSeconds(18));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadinessTiming(Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
