package dev.carmarket.bootstrap.store;

import dev.carmarket.bootstrap.readiness.DatabaseReadinessCheck;
import dev.carmarket.bootstrap.readiness.StoreReadinessCheck;
import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.ports.out.StorePorts;
import java.util.Objects;

/**
 * The chosen store (PostgreSQL or in memory), whichever it is: its ports, how readiness checks it,
 * and how to release it. Closed by Spring after the web server has drained.
 */
public record StoreAdapters(StorePorts ports, StoreReadinessCheck readinessCheck, Runnable release)
        implements AutoCloseable {

    public StoreAdapters {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(readinessCheck, "readinessCheck");
        Objects.requireNonNull(release, "release");
    }

    /** The in-memory store: always ready, nothing to release. */
    public static StoreAdapters inMemory(InMemoryAdapters adapters) {
        return new StoreAdapters(adapters.ports(), StoreReadinessCheck.IN_MEMORY, () -> { });
    }

    /** PostgreSQL: ready while {@code SELECT 1} answers in time; closing releases the connection pool. */
    public static StoreAdapters postgres(R2dbcPersistence persistence) {
        return new StoreAdapters(persistence.ports(), new DatabaseReadinessCheck(persistence), persistence::close);
    }

    /** The same store with its ports wrapped by {@code decorator}. */
    public StoreAdapters decorate(StorePorts.Decorator decorator) {
        return new StoreAdapters(ports.decorate(decorator), readinessCheck, release);
    }

    @Override
    public void close() {
        release.run();
    }
}
