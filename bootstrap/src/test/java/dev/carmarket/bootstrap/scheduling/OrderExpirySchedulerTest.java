package dev.carmarket.bootstrap.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.in.order.ExpireOrdersUseCase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class OrderExpirySchedulerTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private OrderExpiryScheduler scheduler;

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    private static void awaitUntil(AtomicInteger counter, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counter.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(counter.get()).as("runs within 5 s").isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void runs_expiry_every_interval_until_stopped() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        scheduler = new OrderExpiryScheduler(() -> Mono.fromSupplier(runs::incrementAndGet).map(run -> 0), INTERVAL);

        scheduler.start();
        assertThat(scheduler.isRunning()).isTrue();
        awaitUntil(runs, 3);
        CountDownLatch stopped = new CountDownLatch(1);
        scheduler.stop(stopped::countDown);

        assertThat(stopped.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.isRunning()).isFalse();
        int afterStop = runs.get();
        Thread.sleep(INTERVAL.toMillis() * 5);
        assertThat(runs.get()).isEqualTo(afterStop);
    }

    @Test
    void a_failed_run_is_logged_and_the_next_tick_runs_again() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        ExpireOrdersUseCase failingFirst = () -> runs.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("database hiccup"))
                : Mono.just(1);
        scheduler = new OrderExpiryScheduler(failingFirst, INTERVAL);

        scheduler.start();

        awaitUntil(runs, 3);
    }

    @Test
    void runs_never_overlap_and_stop_waits_for_the_run_in_progress() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger inProgress = new AtomicInteger();
        AtomicInteger maxInProgress = new AtomicInteger();
        Sinks.Empty<Void> release = Sinks.empty();
        ExpireOrdersUseCase slow = () -> Mono.defer(() -> {
            started.incrementAndGet();
            maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            return release.asMono().then(Mono.fromSupplier(() -> inProgress.decrementAndGet()));
        });
        scheduler = new OrderExpiryScheduler(slow, INTERVAL);

        scheduler.start();
        awaitUntil(started, 1);
        Thread.sleep(INTERVAL.toMillis() * 5); // several ticks pass while the first run is held
        CountDownLatch stopped = new CountDownLatch(1);
        scheduler.stop(stopped::countDown);

        assertThat(stopped.await(100, TimeUnit.MILLISECONDS)).as("stop waits for the run in progress").isFalse();
        release.tryEmitEmpty();
        assertThat(stopped.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(started.get()).isEqualTo(1);
        assertThat(maxInProgress.get()).isEqualTo(1);
    }
}
