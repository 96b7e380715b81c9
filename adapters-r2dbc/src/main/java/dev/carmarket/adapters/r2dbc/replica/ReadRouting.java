package dev.carmarket.adapters.r2dbc.replica;

import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener.Fallback;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The one place that decides where a read that may be stale goes: to the next UP replica in turn,
 * or to the primary when none is UP. A read that fails on a replica is answered by the primary and
 * takes that replica out of rotation until its next check, so a replica that dies between two checks
 * costs a retry, never a failed request. Without replicas every read goes straight to the primary,
 * exactly as before.
 */
public final class ReadRouting {

    private final DatabaseClient primary;
    private final List<ReadReplica> replicas;
    private final ReadRoutingListener listener;
    private final Duration replicaAttemptTimeout;
    private final AtomicInteger turn = new AtomicInteger();

    ReadRouting(DatabaseClient primary, List<ReadReplica> replicas, ReadRoutingListener listener,
            Duration replicaAttemptTimeout) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.listener = listener;
        this.replicaAttemptTimeout = replicaAttemptTimeout;
    }

    /**
     * Runs {@code read} on a replica or the primary. The replica's attempt is bounded by
     * {@code replicaAttemptTimeout}, which leaves the primary the rest of the caller's time.
     */
    public <T> Mono<T> read(Function<DatabaseClient, Mono<T>> read) {
        if (replicas.isEmpty()) {
            return read.apply(primary);
        }
        return Mono.defer(() -> {
            Optional<ReadReplica> replica = nextUsable();
            if (replica.isEmpty()) {
                listener.readFellBack(Fallback.NO_REPLICA_USABLE);
                return read.apply(primary);
            }
            ReadReplica chosen = replica.get();
            return read.apply(chosen.client())
                    .timeout(replicaAttemptTimeout)
                    .onErrorResume(failure -> {
                        chosen.readFailed();
                        listener.readFellBack(Fallback.REPLICA_FAILED);
                        return read.apply(primary);
                    });
        });
    }

    /** Round robin over the replicas, skipping those not UP. */
    private Optional<ReadReplica> nextUsable() {
        int start = Math.floorMod(turn.getAndIncrement(), replicas.size());
        for (int offset = 0; offset < replicas.size(); offset++) {
            ReadReplica candidate = replicas.get((start + offset) % replicas.size());
            if (candidate.health().servesReads()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
