package dev.carmarket.adapters.r2dbc.replica;

import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The configured replicas, the routing of reads over them, and the periodic check that keeps each
 * one's state current: every {@code checkInterval}, each replica reports whether it is in recovery
 * and how far its replay lags ({@link ReadReplica#LAG_SQL}).
 */
public final class ReadReplicas implements AutoCloseable {

    private final List<ReadReplica> replicas;
    private final ReplicaSettings settings;
    private final ReadRouting routing;
    private Disposable checks;

    private ReadReplicas(List<ReadReplica> replicas, ReplicaSettings settings, ReadRouting routing) {
        this.replicas = replicas;
        this.settings = settings;
        this.routing = routing;
    }

    /**
     * One pool per replica, from {@code pools} (given the replica's settings and its name), none
     * connected before the first check.
     *
     * @param replicaAttemptTimeout how long a read may wait for a replica before the primary answers it
     */
    public static ReadReplicas connect(ReplicaSettings settings,
            BiFunction<PostgresConnectionSettings, String, ConnectionPool> pools, DatabaseClient primary,
            ReadRoutingListener listener, Duration replicaAttemptTimeout) {
        List<ReadReplica> replicas = settings.replicas().stream()
                .map(connection -> new ReadReplica(connection.server(), pools.apply(connection, connection.server()),
                        listener))
                .toList();
        return new ReadReplicas(replicas, settings,
                new ReadRouting(primary, replicas, listener, replicaAttemptTimeout));
    }

    public ReadRouting routing() {
        return routing;
    }

    public List<ReadReplica> replicas() {
        return replicas;
    }

    public List<ReplicaHealth> health() {
        return replicas.stream().map(ReadReplica::health).toList();
    }

    /**
     * Checks every replica once now, in parallel; what a start and {@code --preflight} wait for.
     *
     * @param timeout for each replica's answer (a cold process's first connection takes longer than a periodic check)
     */
    public Mono<List<ReplicaHealth>> checkNow(Duration timeout) {
        return Flux.fromIterable(replicas)
                .flatMapSequential(replica -> replica.check(settings.maxLag(), timeout))
                .collectList();
    }

    /** Starts the periodic checks (idempotent); a slow round delays the next instead of piling up. */
    public synchronized void startChecking() {
        if (checks != null || replicas.isEmpty()) {
            return;
        }
        checks = Flux.interval(Duration.ZERO, settings.checkInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> checkNow(settings.checkTimeout()), 0)
                .subscribe();
    }

    @Override
    public synchronized void close() {
        if (checks != null) {
            checks.dispose();
            checks = null;
        }
        replicas.forEach(ReadReplica::close);
    }
}
