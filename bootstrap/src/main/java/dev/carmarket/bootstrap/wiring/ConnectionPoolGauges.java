package dev.carmarket.bootstrap.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.util.function.ToDoubleFunction;

/**
 * The R2DBC pool's state as {@code r2dbc_pool_*_connections{name}} gauges, named as Spring Boot names
 * them for a pool it creates itself. Boot cannot see this pool (the R2DBC adapter builds it, it is no
 * bean), so they are registered here. Read on each scrape; reading pool counters never blocks.
 */
final class ConnectionPoolGauges {

    static final String POOL_NAME = "carmarket";

    private ConnectionPoolGauges() {
    }

    /** Registers the gauges when the pool exposes metrics (an r2dbc-pool always does); otherwise none. */
    static void register(ConnectionPool pool, MeterRegistry registry) {
        pool.getMetrics().ifPresent(metrics -> {
            gauge(registry, metrics, "acquired", "Connections in use", PoolMetrics::acquiredSize);
            gauge(registry, metrics, "allocated", "Connections open, in use or idle", PoolMetrics::allocatedSize);
            gauge(registry, metrics, "idle", "Connections open and idle", PoolMetrics::idleSize);
            gauge(registry, metrics, "pending", "Requests waiting for a connection", PoolMetrics::pendingAcquireSize);
            gauge(registry, metrics, "max.allocated", "Most connections the pool may open",
                    PoolMetrics::getMaxAllocatedSize);
            gauge(registry, metrics, "max.pending", "Most requests that may wait for a connection",
                    PoolMetrics::getMaxPendingAcquireSize);
        });
    }

    private static void gauge(MeterRegistry registry, PoolMetrics metrics, String name, String description,
            ToDoubleFunction<PoolMetrics> value) {
        Gauge.builder("r2dbc.pool." + name, metrics, value)
                .description(description)
                .baseUnit("connections")
                .tag("name", POOL_NAME)
                // getMetrics() made a wrapper that nothing else keeps, and gauges hold theirs weakly.
                .strongReference(true)
                .register(registry);
    }
}
