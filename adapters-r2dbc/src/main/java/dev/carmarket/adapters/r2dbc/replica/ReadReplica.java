package dev.carmarket.adapters.r2dbc.replica;

import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * One streaming replica: its own connection pool, and its health as the latest check or failed
 * read left it. Starts DOWN ("not checked yet"), so nothing reads from it before a check vouches for it.
 */
public final class ReadReplica implements AutoCloseable {

    /**
     * The replica's own view of its lag. While its WAL receiver runs and everything received has been
     * replayed, there is no lag, however long ago the primary last committed: an idle primary must not
     * make its replicas look stale. (After a restart the receiver reports the start of the segment it
     * streams from, which can be behind the replay position: nothing is waiting then either.) Otherwise
     * the lag is the age of the last replayed transaction, so a paused or slow replay, or a replica cut
     * off from its primary, shows a growing lag; with no transaction replayed yet it is unknown (NULL).
     * The receiver's {@code pid} is visible to any user; its other columns need pg_read_all_stats.
     */
    static final String LAG_SQL = "SELECT pg_is_in_recovery() AS in_recovery,"
            + " CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL)"
            + " AND pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0"
            + " ELSE (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint"
            + " END AS lag_ms";

    /** @param lagMillis null when the replica cannot tell (not streaming, nothing replayed yet) */
    private record Reading(boolean inRecovery, Long lagMillis) {
    }

    private final String name;
    private final ConnectionPool pool;
    private final DatabaseClient client;
    private final ReadRoutingListener listener;
    private volatile ReplicaHealth health;

    ReadReplica(String name, ConnectionPool pool, ReadRoutingListener listener) {
        this.name = name;
        this.pool = pool;
        this.client = DatabaseClient.create(pool);
        this.listener = listener;
        this.health = ReplicaHealth.down(name, "not checked yet");
    }

    public String name() {
        return name;
    }

    public ReplicaHealth health() {
        return health;
    }

    public ConnectionPool connectionPool() {
        return pool;
    }

    DatabaseClient client() {
        return client;
    }

    /** Asks the replica for its recovery state and lag; never fails (a failure is a DOWN health). */
    Mono<ReplicaHealth> check(Duration maxLag, Duration timeout) {
        return client.sql(LAG_SQL)
                .map(row -> new Reading(Boolean.TRUE.equals(row.get("in_recovery", Boolean.class)),
                        row.get("lag_ms", Long.class)))
                .one()
                .timeout(timeout)
                .map(reading -> !reading.inRecovery() ? ReplicaHealth.notAReplica(name)
                        : reading.lagMillis() == null ? ReplicaHealth.lagUnknown(name)
                        : ReplicaHealth.replaying(name, Duration.ofMillis(Math.max(0, reading.lagMillis())), maxLag))
                .onErrorResume(failure -> Mono.just(ReplicaHealth.down(name, describe(failure, timeout))))
                .doOnNext(this::become);
    }

    /** A read failed on this replica: no more reads until a check finds it well again. */
    void readFailed() {
        become(ReplicaHealth.down(name, "a read failed"));
    }

    private void become(ReplicaHealth next) {
        ReplicaHealth previous = health;
        health = next;
        if (previous.state() != next.state()) {
            listener.replicaChanged(previous, next);
        }
    }

    /** The driver's message may name hosts and users: say only what kind of failure it was. */
    private static String describe(Throwable failure, Duration timeout) {
        for (Throwable cause = Exceptions.unwrap(failure); cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
        }
        return "unreachable";
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
