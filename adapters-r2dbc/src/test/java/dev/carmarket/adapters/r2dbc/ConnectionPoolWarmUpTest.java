package dev.carmarket.adapters.r2dbc;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import io.r2dbc.pool.PoolMetrics;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The first connections are opened at startup, so no request pays a cold connection's cost. */
class ConnectionPoolWarmUpTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final ManualTimeSource TIME = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void warmUpOpensTheInitialConnectionsBeforeAnyRequest() {
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(), PoolSettings.defaults(), TIME,
                QueryObserver.NONE)) {
            PoolMetrics metrics = persistence.connectionPool().getMetrics().orElseThrow();
            assertThat(metrics.allocatedSize()).as("the pool is lazy until warmed up").isZero();

            StepVerifier.create(persistence.warmUp()).expectNext(2).verifyComplete();

            assertThat(metrics.allocatedSize()).isEqualTo(2);
            assertThat(metrics.idleSize()).isEqualTo(2);
        }
    }

    @Test
    void aPoolOfOneIsWarmedWithOneConnection() {
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(), PoolSettings.withMaxSize(1),
                TIME, QueryObserver.NONE)) {
            StepVerifier.create(persistence.warmUp()).expectNext(1).verifyComplete();
        }
    }

    @Test
    void batchCommandsWaitLongerThanRequestsAndKeepThePoolSize() {
        PoolSettings serving = PoolSettings.withMaxSize(7);
        PoolSettings command = serving.forBatchCommands();

        assertThat(command.maxAcquireTime()).isGreaterThan(serving.maxAcquireTime());
        assertThat(command.statementTimeout()).isGreaterThan(serving.statementTimeout());
        assertThat(command.maxSize()).isEqualTo(7);
    }

    @Test
    void aCallIsBoundedOnTheClientJustAboveTheServersStatementTimeout() {
        PoolSettings serving = PoolSettings.defaults();

        assertThat(serving.callTimeout()).isEqualTo(serving.statementTimeout().plusSeconds(1));
    }
}
