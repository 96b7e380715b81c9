package dev.carmarket.bootstrap.observation;

import dev.carmarket.adapters.r2dbc.replica.ReadReplica;
import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener;
import dev.carmarket.adapters.r2dbc.replica.ReplicaHealth;
import dev.carmarket.adapters.r2dbc.replica.ReplicaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see of the read replicas: {@code db_replica_status{replica}} (1 UP, 0 LAGGING,
 * -1 DOWN or not a replica), {@code db_replica_lag_seconds{replica}},
 * {@code db_replica_fallback_reads_total{reason}} for reads the primary answered instead, and a log
 * line whenever a replica changes state.
 */
public final class ReplicaObservation implements ReadRoutingListener {

    private static final Logger log = LoggerFactory.getLogger(ReplicaObservation.class);

    private final Map<Fallback, Counter> fallbacks = new EnumMap<>(Fallback.class);

    public ReplicaObservation(MeterRegistry registry) {
        for (Fallback reason : Fallback.values()) {
            fallbacks.put(reason, Counter.builder("db.replica.fallback.reads")
                    .description("Reads meant for a replica that the primary answered")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    /** Registers each replica's gauges, read from its latest check on every scrape. */
    public static void registerGauges(List<ReadReplica> replicas, MeterRegistry registry) {
        for (ReadReplica replica : replicas) {
            Gauge.builder("db.replica.status", replica, each -> statusValue(each.health().state()))
                    .description("1 UP, 0 LAGGING, -1 DOWN or not a replica, as of the latest check")
                    .tag("replica", replica.name())
                    .register(registry);
            Gauge.builder("db.replica.lag", replica,
                            each -> each.health().lag().map(lag -> lag.toMillis() / 1000.0).orElse(Double.NaN))
                    .description("Replay lag the replica reported at its latest check")
                    .baseUnit("seconds")
                    .tag("replica", replica.name())
                    .register(registry);
        }
    }

    static double statusValue(ReplicaState state) {
        return switch (state) {
            case UP -> 1;
            case LAGGING -> 0;
            case DOWN, NOT_A_REPLICA -> -1;
        };
    }

    @Override
    public void readFellBack(Fallback reason) {
        fallbacks.get(reason).increment();
    }

    @Override
    public void replicaChanged(ReplicaHealth previous, ReplicaHealth current) {
        String detail = current.detail().map(reason -> " (" + reason + ")").orElse("");
        if (current.servesReads()) {
            log.info("Read replica {} is UP (was {}): it serves reads again", current.replica(), previous.state());
        } else {
            log.warn("Read replica {} is {}{}: its reads go to other replicas or the primary", current.replica(),
                    current.state(), detail);
        }
    }
}
