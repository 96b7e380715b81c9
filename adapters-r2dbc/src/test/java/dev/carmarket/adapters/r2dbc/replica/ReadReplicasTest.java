package dev.carmarket.adapters.r2dbc.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener.Fallback;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What can be shown without a streaming replica (ReadReplicasIT in the reliability module has a real
 * one): a primary named as a replica is found out, an unreachable one is DOWN, and while no replica is
 * UP every read goes to the primary, counted as a fallback.
 */
class ReadReplicasTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SELECT_ONE = "SELECT 1 AS answer";

    private final Queue<Fallback> fallbacks = new ConcurrentLinkedQueue<>();
    private final Queue<ReplicaHealth> changes = new ConcurrentLinkedQueue<>();
    private final ReadRoutingListener listener = new ReadRoutingListener() {
        @Override
        public void readFellBack(Fallback reason) {
            fallbacks.add(reason);
        }

        @Override
        public void replicaChanged(ReplicaHealth previous, ReplicaHealth current) {
            changes.add(current);
        }
    };

    @Test
    void a_primary_named_as_a_replica_is_not_a_replica_and_serves_no_reads() {
        try (R2dbcPersistence persistence = persistence(DATABASE.settings())) {
            ReadReplicas replicas = persistence.readReplicas();

            List<ReplicaHealth> health = replicas.checkNow(TIMEOUT).block(TIMEOUT.plusSeconds(1));

            assertThat(health).singleElement().satisfies(replica -> {
                assertThat(replica.state()).isEqualTo(ReplicaState.NOT_A_REPLICA);
                assertThat(replica.replica()).isEqualTo(DATABASE.settings().host() + ":" + DATABASE.settings().port()
                        + "/" + DATABASE.settings().database());
            });
            assertThat(changes).extracting(ReplicaHealth::state).containsExactly(ReplicaState.NOT_A_REPLICA);
            assertThat(readOnce(replicas)).isEqualTo(1);
            assertThat(fallbacks).containsExactly(Fallback.NO_REPLICA_USABLE);
        }
    }

    @Test
    void an_unreachable_replica_is_down_and_its_reads_go_to_the_primary() {
        PostgresConnectionSettings nothingListens = PostgresConnectionSettings.fromDatabaseUrl(
                "postgresql://postgres@127.0.0.1:1/carmarket?sslmode=disable");
        try (R2dbcPersistence persistence = persistence(nothingListens)) {
            ReadReplicas replicas = persistence.readReplicas();

            assertThat(replicas.checkNow(TIMEOUT).block(TIMEOUT.plusSeconds(1))).singleElement().satisfies(replica -> {
                assertThat(replica.state()).isEqualTo(ReplicaState.DOWN);
                assertThat(replica.detail()).hasValue("unreachable");
                assertThat(replica.lag()).isEmpty();
            });
            assertThat(readOnce(replicas)).isEqualTo(1);
            assertThat(fallbacks).containsExactly(Fallback.NO_REPLICA_USABLE);
        }
    }

    @Test
    void without_replicas_reads_go_to_the_primary_and_nothing_counts_as_a_fallback() {
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(), PoolSettings.defaults(),
                new ManualTimeSource(Instant.parse("2026-12-06T12:00:00Z")), QueryObserver.NONE)) {
            assertThat(persistence.readReplicas().replicas()).isEmpty();
            assertThat(readOnce(persistence.readReplicas())).isEqualTo(1);
            assertThat(fallbacks).isEmpty();
        }
    }

    private R2dbcPersistence persistence(PostgresConnectionSettings replica) {
        return R2dbcPersistence.create(DATABASE.settings(), PoolSettings.defaults(),
                ReplicaSettings.of(List.of(replica), ReplicaSettings.DEFAULT_MAX_LAG),
                new ManualTimeSource(Instant.parse("2026-12-06T12:00:00Z")), QueryObserver.NONE, listener);
    }

    private static Integer readOnce(ReadReplicas replicas) {
        return replicas.routing().read(client -> client.sql(SELECT_ONE).map(row -> row.get("answer", Integer.class)).one())
                .block(TIMEOUT);
    }
}
