package dev.carmarket.bootstrap.readiness;

import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReplicaStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * {@code SELECT 1} through the service's own connection pool, so readiness sees what requests see:
 * a database that is down, too slow, or a pool that cannot hand out a connection in time. Only the
 * primary decides: a replica that is down or lagging is listed, and reads fall back to the primary.
 */
public final class DatabaseReadinessCheck implements StoreReadinessCheck {

    static final String NAME = "db";

    private final R2dbcPersistence persistence;

    public DatabaseReadinessCheck(R2dbcPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public Mono<ReadinessCheck> check(Duration timeout) {
        return persistence.pingDatabase(timeout)
                .map(latency -> ReadinessCheck.up(NAME, latency))
                // The driver's message may name hosts and users: the report says only what kind of failure.
                .onErrorResume(failure -> Mono.just(ReadinessCheck.down(NAME, describe(failure, timeout))));
    }

    @Override
    public List<ReplicaStatus> replicas() {
        return persistence.readReplicas().health().stream()
                .map(health -> new ReplicaStatus(health.replica(), health.state().name(), health.lag(), health.detail()))
                .toList();
    }

    private static String describe(Throwable failure, Duration timeout) {
        for (Throwable cause = Exceptions.unwrap(failure); cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
        }
        return "unreachable";
    }
}
