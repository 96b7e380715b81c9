package dev.carmarket.bootstrap.readiness;

import dev.carmarket.adapters.web.health.ConnectionDrain;
import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReadinessProbe;
import dev.carmarket.adapters.web.health.ReadinessReport;
import dev.carmarket.adapters.web.health.ShutdownDeadline;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether this instance should get traffic: the store answers in time and the service is not
 * shutting down. {@code /health/ready} asks it afresh each time; a background refresh keeps
 * {@link #lastKnownReady()} current for the {@code readiness_status} gauge even when nobody polls.
 *
 * <p>As a lifecycle in the highest phase it is the first thing a shutdown stops: readiness turns
 * DOWN and the {@link ConnectionDrain} begins (responses close their keep-alive connections), then, after {@code drainDelay} (so that whoever routes by readiness can notice), the web
 * server starts draining. Near the end of the grace period it reaches the {@link ShutdownDeadline},
 * so requests still running then are answered 503 while the server can still write.
 */
public final class ServiceReadiness implements ReadinessProbe, SmartLifecycle {

    static final String LIFECYCLE = "lifecycle";

    private static final Logger log = LoggerFactory.getLogger(ServiceReadiness.class);

    private static final ReadinessReport SHUTTING_DOWN =
            ReadinessReport.of(ReadinessCheck.down(LIFECYCLE, "shutting down"));

    private final StoreReadinessCheck store;
    private final ReadinessTiming timing;
    private final ConnectionDrain drain;
    private final ShutdownDeadline deadline;
    private final Object lock = new Object();
    private volatile boolean shuttingDown;
    private volatile boolean lastKnownReady;
    private Disposable refresh;

    public ServiceReadiness(StoreReadinessCheck store, ReadinessTiming timing, ConnectionDrain drain,
            ShutdownDeadline deadline) {
        this.store = Objects.requireNonNull(store, "store");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.drain = Objects.requireNonNull(drain, "drain");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public Mono<ReadinessReport> check() {
        if (shuttingDown) {
            return Mono.just(SHUTTING_DOWN);
        }
        return store.check(timing.checkTimeout())
                .map(check -> shuttingDown ? SHUTTING_DOWN : new ReadinessReport(List.of(check), store.replicas()))
                .doOnNext(this::remember);
    }

    /** The outcome of the latest check; what the gauge shows. Never runs a check itself. */
    public boolean lastKnownReady() {
        return lastKnownReady;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (refresh != null) {
                return;
            }
            shuttingDown = false;
            // A check in progress delays the next tick instead of piling up behind it.
            refresh = Flux.interval(Duration.ZERO, timing.refreshInterval(), Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(tick -> check(), 0)
                    .subscribe(report -> { }, failure -> log.error("Readiness refresh stopped", failure));
        }
    }

    /** Turns DOWN at once, lets routing notice for {@code drainDelay}, then lets the web server drain. */
    @Override
    public void stop(Runnable callback) {
        synchronized (lock) {
            shuttingDown = true;
            lastKnownReady = false;
            drain.begin();
            if (refresh != null) {
                refresh.dispose();
                refresh = null;
            }
        }
        log.info("Shutting down: readiness is DOWN; draining in-flight requests for up to {} ms",
                timing.gracePeriod().toMillis());
        Mono.delay(timing.drainDelay().plus(timing.deadlineAfterDrainStarts()))
                .subscribe(tick -> deadline.reach());
        Mono.delay(timing.drainDelay()).subscribe(tick -> callback.run());
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return refresh != null;
        }
    }

    /** The highest phase: stopped before everything else, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void remember(ReadinessReport report) {
        boolean ready = report.ready();
        if (ready != lastKnownReady) {
            if (ready) {
                log.info("Ready: {}", describe(report));
            } else {
                log.warn("Not ready: {}", describe(report));
            }
        }
        lastKnownReady = ready;
    }

    private static String describe(ReadinessReport report) {
        return report.checks().stream()
                .map(check -> check.name() + " " + (check.up() ? "UP" : "DOWN")
                        + check.detail().map(detail -> " (" + detail + ")").orElse(""))
                .collect(Collectors.joining(", "));
    }
}
