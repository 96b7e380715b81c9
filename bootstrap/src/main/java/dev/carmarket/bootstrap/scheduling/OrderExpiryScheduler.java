package dev.carmarket.bootstrap.scheduling;

import dev.carmarket.ports.in.order.ExpireOrdersUseCase;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link ExpireOrdersUseCase} every interval inside the service, so unpaid orders free their
 * cars without an external cron. Runs never overlap (a tick that comes while one is running is
 * dropped); a failed run is logged and the next tick tries again. Several instances may run it at
 * once: the use case expires each order once.
 */
public final class OrderExpiryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiryScheduler.class);

    private final ExpireOrdersUseCase expireOrders;
    private final Duration interval;
    private final Object lock = new Object();
    private Run current;

    public OrderExpiryScheduler(ExpireOrdersUseCase expireOrders, Duration interval) {
        this.expireOrders = Objects.requireNonNull(expireOrders, "expireOrders");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (current != null) {
                return;
            }
            // A timer thread of its own; the runs themselves are non-blocking and continue on the store's threads.
            Scheduler timer = Schedulers.newSingle("order-expiry");
            Run run = new Run(Sinks.empty(), Sinks.empty());
            Flux.interval(interval, timer)
                    .onBackpressureDrop()
                    .takeUntilOther(run.stopRequested().asMono())
                    // No prefetch: the next tick is requested only when a run is over, so ticks meanwhile
                    // are dropped, and none is left queued to run after a stop.
                    .concatMap(tick -> expireOnce(), 0)
                    .doFinally(signal -> {
                        timer.dispose();
                        run.stopped().tryEmitEmpty();
                    })
                    .subscribe();
            current = run;
        }
    }

    /** Stops ticking at once and lets a run in progress finish (bounded by the shutdown phase timeout). */
    @Override
    public void stop(Runnable callback) {
        Run run;
        synchronized (lock) {
            run = current;
            current = null;
        }
        if (run == null) {
            callback.run();
            return;
        }
        run.stopRequested().tryEmitEmpty();
        run.stopped().asMono().subscribe(null, failure -> callback.run(), callback);
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return current != null;
        }
    }

    /** Stopped before the web server drains, so no new run starts while the service shuts down. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private Mono<Integer> expireOnce() {
        return expireOrders.expireDueOrders()
                .doOnNext(expired -> {
                    if (expired > 0) {
                        log.info("Expired {} unpaid order(s)", expired);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("Order expiry run failed; retrying in {}", interval, failure);
                    return Mono.empty();
                });
    }

    /** One started loop: the signal that asks it to stop, and the one it gives once it has. */
    private record Run(Sinks.Empty<Void> stopRequested, Sinks.Empty<Void> stopped) {
    }
}
