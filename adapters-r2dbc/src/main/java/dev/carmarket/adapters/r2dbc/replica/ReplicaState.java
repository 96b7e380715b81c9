package dev.carmarket.adapters.r2dbc.replica;

/** What the latest check found a read replica to be; only {@link #UP} replicas serve reads. */
public enum ReplicaState {
    /** Answering, in recovery, and replaying within the lag bound. */
    UP,
    /** Answering, but its replay lag exceeds the bound: its data is older than reads may be. */
    LAGGING,
    /** Not answering in time, or not reachable at all. */
    DOWN,
    /** Answering but not in recovery: a primary (misconfigured, or promoted) whose data may have diverged. */
    NOT_A_REPLICA
}
