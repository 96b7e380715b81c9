package dev.carmarket.adapters.r2dbc.replica;

/**
 * Told when a read that could have gone to a replica went to the primary, and when a replica's state
 * changes, so that bootstrap can count, log and alert without this module knowing a metrics or
 * logging library. Called on the thread that decided: keep it cheap.
 */
public interface ReadRoutingListener {

    /** Why a read went to the primary although replicas are configured. */
    enum Fallback {
        /** No replica was UP when the read started. */
        NO_REPLICA_USABLE,
        /** The chosen replica failed the read; the primary answered it instead. */
        REPLICA_FAILED
    }

    ReadRoutingListener NONE = new ReadRoutingListener() {
        @Override
        public void readFellBack(Fallback reason) {
        }

        @Override
        public void replicaChanged(ReplicaHealth previous, ReplicaHealth current) {
        }
    };

    void readFellBack(Fallback reason);

    /** Called when a check or a failed read moves a replica to another state. */
    void replicaChanged(ReplicaHealth previous, ReplicaHealth current);
}
