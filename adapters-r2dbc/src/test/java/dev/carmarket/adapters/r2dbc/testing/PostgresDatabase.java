package dev.carmarket.adapters.r2dbc.testing;

import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.ports.out.system.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension ({@code @RegisterExtension static}) giving a test class the one migrated
 * database of this test run (created on first use, dropped when the run ends, also after failures)
 * and R2DBC persistences on it, closed after the class.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabase.class);

    private final List<R2dbcPersistence> opened = new ArrayList<>();
    private TestDatabase database;
    private R2dbcPersistence shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("shared", key -> TestDatabase.createMigrated("run"), TestDatabase.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        opened.forEach(R2dbcPersistence::close);
        opened.clear();
        shared = null;
    }

    public PostgresConnectionSettings settings() {
        return database.settings();
    }

    /** A new pool and adapters on the shared database, closed after the class. */
    public R2dbcPersistence persistence(TimeSource timeSource) {
        return persistence(timeSource, QueryObserver.NONE);
    }

    /** The same, telling {@code observer} about every database call. */
    public R2dbcPersistence persistence(TimeSource timeSource, QueryObserver observer) {
        R2dbcPersistence persistence = R2dbcPersistence.create(settings(), PoolSettings.defaults(), timeSource,
                observer);
        opened.add(persistence);
        return persistence;
    }

    /** The class's pool and adapters on the shared database, created on first use. */
    public R2dbcPersistence sharedPersistence() {
        if (shared == null) {
            shared = persistence(new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z")));
        }
        return shared;
    }

    /**
     * Empties every table, for test isolation. The order number sequence keeps rising: a shared
     * persistence's sequence adapter holds numbers it took earlier, which a restart would hand out again.
     */
    public void truncateAll(R2dbcPersistence persistence) {
        persistence.databaseClient()
                .sql("TRUNCATE cars, orders, payments, idempotency_keys, processed_payment_events")
                .then()
                .block(Duration.ofSeconds(10));
    }
}
