package dev.carmarket.bootstrap.wiring;

import dev.carmarket.bootstrap.observation.ConnectionPoolGauges;
import dev.carmarket.bootstrap.observation.ReplicaObservation;
import dev.carmarket.bootstrap.store.MeteredStorePorts;
import dev.carmarket.bootstrap.store.StoreAdapters;
import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.adapters.demo.DemoCarGenerator;
import dev.carmarket.adapters.observability.metrics.BackgroundQueryMetrics;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.migration.DatabaseMigrator;
import dev.carmarket.adapters.r2dbc.replica.ReadReplicas;
import dev.carmarket.adapters.r2dbc.replica.ReplicaRoles;
import dev.carmarket.bootstrap.settings.DatabaseSettingsReader;
import dev.carmarket.bootstrap.settings.ConfigurationProblem;
import dev.carmarket.bootstrap.settings.InvalidConfigurationException;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.DatabaseSettings;
import dev.carmarket.ports.out.system.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: PostgreSQL (migrated before anything serves) when DATABASE_URL is set,
 * otherwise the in-memory store with demo cars. The settings validator has already made sure
 * production never gets here without a database.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    public static final int IN_MEMORY_DEMO_CARS = DemoCarGenerator.DEMO_SIZE;

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    StoreAdapters storeAdapters(CarmarketSettings settings, TimeSource timeSource, MeterRegistry registry) {
        StoreAdapters store = settings.database()
                .map(database -> postgres(database, timeSource, registry))
                .orElseGet(StoreConfiguration::inMemory);
        return store.decorate(new MeteredStorePorts(registry));
    }

    private static StoreAdapters postgres(DatabaseSettings database, TimeSource timeSource, MeterRegistry registry) {
        DatabaseMigrator migrator = new DatabaseMigrator(database.connection());
        // Blocking JDBC on the startup thread, before the web server exists: the schema is current before any request.
        int applied = migrator.migrate();
        log.info("Using PostgreSQL at {} (schema version {}, {} migration(s) applied now, pool max {})",
                database.connection().server(),
                migrator.currentVersion(), applied, database.pool().maxSize());
        refuseReplicasThatArePrimaries(database);
        R2dbcPersistence persistence = R2dbcPersistence.create(database.connection(), database.pool(),
                database.replicas(), timeSource,
                // Port calls are timed by the Metered* decorators (MeteredStorePorts); this times only the
                // adapter's background queries.
                new BackgroundQueryMetrics(registry)::queryFinished, new ReplicaObservation(registry));
        ConnectionPoolGauges.register(persistence.connectionPool(), R2dbcPersistence.PRIMARY_POOL, registry);
        startReplicaChecks(persistence.readReplicas(), registry);
        // Off the startup thread: readiness reports the database until the connections are there.
        persistence.warmUp().subscribe(
                opened -> log.info("Connection pool warmed up with {} connection(s)", opened),
                failure -> log.warn("Connection pool warm-up failed; readiness reports the database until it answers"));
        return StoreAdapters.postgres(persistence);
    }

    /**
     * Refuses to start, before any pool is opened, when a read URL names a primary: reads from it could
     * see data the real primary never wrote. An unreachable replica is left to the periodic checks.
     */
    private static void refuseReplicasThatArePrimaries(DatabaseSettings database) {
        List<ConfigurationProblem> primaries = ReplicaRoles.primariesAmong(database.replicas().replicas()).stream()
                .map(server -> new ConfigurationProblem(DatabaseSettingsReader.DATABASE_READ_URL,
                        server + " is not in recovery: it is a primary, not a streaming replica"))
                .toList();
        if (!primaries.isEmpty()) {
            throw new InvalidConfigurationException(primaries);
        }
    }

    /** Gauges and periodic checks of the replicas; an unreachable one starts DOWN. */
    private static void startReplicaChecks(ReadReplicas replicas, MeterRegistry registry) {
        if (replicas.replicas().isEmpty()) {
            return;
        }
        replicas.replicas().forEach(replica -> ConnectionPoolGauges.register(replica.connectionPool(),
                replica.name(), registry));
        ReplicaObservation.registerGauges(replicas.replicas(), registry);
        replicas.startChecking();
    }

    private static StoreAdapters inMemory() {
        log.warn("Using the in-memory store with {} demo cars (no DATABASE_URL): data is lost on restart",
                IN_MEMORY_DEMO_CARS);
        return StoreAdapters.inMemory(InMemoryAdapters.withCars(
                new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).stream(IN_MEMORY_DEMO_CARS)));
    }
}
