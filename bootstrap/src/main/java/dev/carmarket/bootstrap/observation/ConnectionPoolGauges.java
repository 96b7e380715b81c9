package dev.carmarket.bootstrap.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.util.function.ToDoubleFunction;

/**
 * An R2DBC pool's state (the primary's, or a read replica's) as {@code r2dbc_pool_*_connections{name}} gauges, named as Spring Boot names
 * them for a pool it creates itself. Boot cannot see this pool (the R2DBC adapter builds it, it is no
 * bean), so they are registered here. Read on each scrape; reading pool counters never blocks.
 */
public final class ConnectionPoolGauges {

    private ConnectionPoolGauges() {
    }

    /** Registers the gauges when the pool exposes metrics (an r2dbc-pool always does); otherwise none. */
    public static void register(ConnectionPool pool, String poolName, MeterRegistry registry) {
        pool.getMetrics().ifPresent(metrics -> {
            gauge(registry, metrics, poolName, "acquired", "Connections in use", PoolMetrics::acquiredSize);
            gauge(registry, metrics, poolName, "allocated", "Connections open, in use or idle", PoolMetrics::allocatedSize);
            gauge(registry, metrics, poolName, "idle", "Connections open and idle", PoolMetrics::idleSize);
            gauge(registry, metrics, poolName, "pending", "Requests waiting for a connection", PoolMetrics::pendingAcquireSize);
            gauge(registry, metrics, poolName, "max.allocated", "Most connections the pool may open",
                    PoolMetrics::getMaxAllocatedSize);
            gauge(registry, metrics, poolName, "max.pending", "Most requests that may wait for a connection",
                    PoolMetrics::getMaxPendingAcquireSize);
        });
    }

    private static void gauge(MeterRegistry registry, PoolMetrics metrics, String poolName, String name,
            String description,
            ToDoubleFunction<PoolMetrics> value) {
        Gauge.builder("r2dbc.pool." + name, metrics, value)
                .description(description)
                .baseUnit("connections")
                .tag("name", poolName)
                // getMetrics() made a wrapper that nothing else keeps, and gauges hold theirs weakly.
                .strongReference(true)
                .register(registry);
    }
}
