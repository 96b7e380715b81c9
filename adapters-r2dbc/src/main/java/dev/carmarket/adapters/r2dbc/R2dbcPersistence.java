package dev.carmarket.adapters.r2dbc;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.adapters.r2dbc.car.R2dbcCarBulkLoader;
import dev.carmarket.adapters.r2dbc.car.R2dbcCarCatalog;
import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.idempotency.R2dbcIdempotencyStore;
import dev.carmarket.adapters.r2dbc.order.R2dbcOrderNumberSequence;
import dev.carmarket.adapters.r2dbc.order.R2dbcOrderRepository;
import dev.carmarket.adapters.r2dbc.payment.R2dbcPaymentRepository;
import dev.carmarket.adapters.r2dbc.payment.R2dbcProcessedEventStore;
import dev.carmarket.adapters.r2dbc.replica.ReadReplicas;
import dev.carmarket.adapters.r2dbc.replica.ReadRoutingListener;
import dev.carmarket.adapters.r2dbc.replica.ReplicaSettings;
import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.system.TimeSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Everything the service needs from PostgreSQL, built from plain settings: one connection pool,
 * the transaction runner and every outbound adapter, all sharing the pool so that adapter calls
 * inside a transaction join it. Reads that may be a few seconds stale (searches, car details and
 * the background recounts of totals) go through {@link ReadReplicas} to streaming replicas when
 * some are configured, each on a pool of its own. Bootstrap exposes the parts as beans and closes the pool on
 * shutdown ({@link #close()}). Migrations are separate
 * ({@code DatabaseMigrator}), as they run over JDBC before the service starts.
 */
public final class R2dbcPersistence implements AutoCloseable {

    private static final int WARM_CONNECTIONS = 2;
    /** The primary's pool, as its metrics name it. */
    public static final String PRIMARY_POOL = "carmarket";

    private final ConnectionPool pool;
    private final ReadReplicas readReplicas;
    private final DatabaseClient client;
    private final StoreCalls calls;
    private final StorePorts ports;
    private final R2dbcCarBulkLoader carBulkLoader;

    private R2dbcPersistence(ConnectionPool pool, TimeSource timeSource, StoreCalls calls,
            ReplicaSettings replicas, PoolSettings poolSettings, ReadRoutingListener listener) {
        this.pool = pool;
        this.client = DatabaseClient.create(pool);
        this.calls = calls;
        // Half the call's time for the replica, so that the primary still has the other half.
        this.readReplicas = ReadReplicas.connect(replicas,
                (replica, name) -> connectionPool(replica, poolSettings, name), client, listener,
                poolSettings.callTimeout().dividedBy(2));
        R2dbcOrderNumberSequence orderNumbers = new R2dbcOrderNumberSequence(client, calls);
        this.ports = new StorePorts(
                new R2dbcCarCatalog(client, readReplicas.routing(), timeSource, calls),
                new R2dbcOrderRepository(client, calls, orderNumbers),
                orderNumbers,
                new R2dbcPaymentRepository(client, calls),
                new R2dbcProcessedEventStore(client, calls),
                new R2dbcIdempotencyStore(client, calls),
                new R2dbcTransactionRunner(TransactionalOperator.create(new R2dbcTransactionManager(pool))));
        this.carBulkLoader = new R2dbcCarBulkLoader(client, calls);
    }

    /**
     * Creates the pool lazily: no connection is opened before the first use.
     *
     * @param observer told about every database call ({@link QueryObserver#NONE} to observe nothing)
     */
    public static R2dbcPersistence create(PostgresConnectionSettings connection, PoolSettings poolSettings,
            TimeSource timeSource, QueryObserver observer) {
        return create(connection, poolSettings, ReplicaSettings.NONE, timeSource, observer, ReadRoutingListener.NONE);
    }

    /**
     * With read replicas; their periodic checks start with {@link ReadReplicas#startChecking()}.
     *
     * @param listener told about reads that fell back to the primary and replicas that changed state
     */
    public static R2dbcPersistence create(PostgresConnectionSettings connection, PoolSettings poolSettings,
            ReplicaSettings replicas, TimeSource timeSource, QueryObserver observer, ReadRoutingListener listener) {
        return new R2dbcPersistence(connectionPool(connection, poolSettings, PRIMARY_POOL), timeSource,
                new StoreCalls(observer, poolSettings.callTimeout()), replicas, poolSettings, listener);
    }

    static ConnectionPool connectionPool(PostgresConnectionSettings connection, PoolSettings poolSettings,
            String name) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(connection.host())
                .port(connection.port())
                .database(connection.database())
                .username(connection.username())
                .password(connection.password())
                .sslMode(connection.sslMode().r2dbcMode())
                .connectTimeout(connection.connectTimeout())
                .applicationName(connection.applicationName())
                .preparedStatementCacheQueries(poolSettings.preparedStatementCacheSize())
                .statementTimeout(poolSettings.statementTimeout())
                // Binary results: the driver's text decoding of timestamptz (a DateTimeFormatter parse per
                // value) took ~9% of the CPU of a search (JFR, docs/performance.md).
                .forceBinary(true)
                .tcpKeepAlive(true)
                .build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .name(name)
                // A couple of connections opened by warmUp() at startup, so that a cold JVM's first
                // connection (class loading, TLS negotiation) is not paid within a request's maxAcquireTime.
                .initialSize(Math.min(WARM_CONNECTIONS, poolSettings.maxSize()))
                .maxSize(poolSettings.maxSize())
                .maxAcquireTime(poolSettings.maxAcquireTime())
                // Creating a connection is bounded by the driver's connect timeout plus the handshake.
                .maxCreateConnectionTime(connection.connectTimeout().plusSeconds(1))
                .maxIdleTime(poolSettings.maxIdleTime())
                .maxValidationTime(Duration.ofSeconds(1))
                // A connection comes back mid-transaction when its work is cancelled (a client hanging
                // up): roll that transaction back here, or it would sit idle in transaction holding its
                // row locks. The driver skips the round trip when no transaction is open.
                .preRelease(Connection::rollbackTransaction)
                .build());
    }

    /**
     * Opens the pool's initial connections now rather than on the first request.
     *
     * @return how many connections were opened
     */
    public Mono<Integer> warmUp() {
        return pool.warmup();
    }

    /**
     * {@code SELECT 1} on a pooled connection, bounded by {@code timeout}, for readiness checks.
     *
     * @return the round-trip time; errors with {@code STORE_UNAVAILABLE} when the database does not answer in time
     */
    public Mono<Duration> pingDatabase(Duration timeout) {
        return calls.mono("db.ping", client.sql("SELECT 1 AS ok")
                .map(row -> row.get("ok", Integer.class))
                .one()
                .timeout(timeout)
                .elapsed()
                .map(elapsed -> Duration.ofMillis(elapsed.getT1())));
    }

    public ConnectionPool connectionPool() {
        return pool;
    }

    public ReadReplicas readReplicas() {
        return readReplicas;
    }

    public DatabaseClient databaseClient() {
        return client;
    }

    /** Every store port, on the primary's pool (searches and car details routed to replicas when configured). */
    public StorePorts ports() {
        return ports;
    }

    /** Lists cars on the primary, for {@code --seed} and tests; not among the service's ports. */
    public R2dbcCarBulkLoader carBulkLoader() {
        return carBulkLoader;
    }

    /** Closes the pool and waits for it: for shutdown hooks and tests, never on an event loop. */
    @Override
    public void close() {
        readReplicas.close();
        pool.dispose();
    }
}
