package dev.carmarket.adapters.r2dbc.replica;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One read replica as its latest check saw it.
 *
 * @param replica {@code host:port/database}, never with credentials
 * @param lag     the replay lag, when the replica answered as one
 * @param detail  a short fixed-form reason for a state other than UP (never a driver message)
 */
public record ReplicaHealth(String replica, ReplicaState state, Optional<Duration> lag, Optional<String> detail) {

    public ReplicaHealth {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(detail, "detail");
    }

    static ReplicaHealth replaying(String replica, Duration lag, Duration maxLag) {
        return lag.compareTo(maxLag) > 0
                ? new ReplicaHealth(replica, ReplicaState.LAGGING, Optional.of(lag),
                        Optional.of("replay lag over " + maxLag.toMillis() + " ms"))
                : new ReplicaHealth(replica, ReplicaState.UP, Optional.of(lag), Optional.empty());
    }

    /** In recovery, but neither streaming nor able to date its last replayed transaction. */
    static ReplicaHealth lagUnknown(String replica) {
        return new ReplicaHealth(replica, ReplicaState.LAGGING, Optional.empty(),
                Optional.of("not streaming from the primary, replay lag unknown"));
    }

    static ReplicaHealth down(String replica, String detail) {
        return new ReplicaHealth(replica, ReplicaState.DOWN, Optional.empty(), Optional.of(detail));
    }

    static ReplicaHealth notAReplica(String replica) {
        return new ReplicaHealth(replica, ReplicaState.NOT_A_REPLICA, Optional.empty(),
                Optional.of("not in recovery: a primary, not a streaming replica"));
    }

    public boolean servesReads() {
        return state == ReplicaState.UP;
    }
}
