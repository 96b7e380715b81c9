package dev.carmarket.bootstrap.settings;

import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.adapters.r2dbc.replica.ReplicaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code DATABASE_URL} and {@code DATABASE_POOL_MAX}: the PostgreSQL primary, required in production;
 * {@code DATABASE_READ_URL} and {@code DATABASE_READ_MAX_LAG}: its streaming replicas.
 */
public final class DatabaseSettingsReader {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_POOL_MAX = "DATABASE_POOL_MAX";
    public static final String DATABASE_READ_URL = "DATABASE_READ_URL";
    public static final String DATABASE_READ_MAX_LAG = "DATABASE_READ_MAX_LAG";

    public static final int MAX_POOL_SIZE = 100;

    private DatabaseSettingsReader() {
    }

    /** @return empty without {@code DATABASE_URL}: the in-memory store */
    static Optional<DatabaseSettings> read(EnvironmentReader env, AppEnvironment appEnvironment) {
        if (appEnvironment.isProduction() && !env.isSet(DATABASE_URL)) {
            env.problem(DATABASE_URL, "is required in production (postgresql://user:password@host:5432/database);"
                    + " the in-memory store is for development only");
        }
        Optional<PostgresConnectionSettings> connection = env.parse(DATABASE_URL,
                PostgresConnectionSettings::fromDatabaseUrl);
        int poolMax = env.parse(DATABASE_POOL_MAX, text -> IntegerText.parseBetween(text, 1, MAX_POOL_SIZE))
                .orElse(PoolSettings.DEFAULT_MAX_SIZE);
        ReplicaSettings replicas = readReplicas(env, connection);
        return connection.map(settings -> new DatabaseSettings(settings, PoolSettings.withMaxSize(poolMax), replicas));
    }

    /** {@code DATABASE_READ_URL}: streaming replicas of the primary, each a distinct server other than it. */
    private static ReplicaSettings readReplicas(EnvironmentReader env, Optional<PostgresConnectionSettings> primary) {
        Duration maxLag = env.parse(DATABASE_READ_MAX_LAG, DurationText::parsePositive)
                .orElse(ReplicaSettings.DEFAULT_MAX_LAG);
        List<PostgresConnectionSettings> replicas = env.parseList(DATABASE_READ_URL,
                url -> PostgresConnectionSettings.fromUrl(DATABASE_READ_URL, url)).orElse(List.of());
        if (replicas.isEmpty()) {
            return ReplicaSettings.NONE;
        }
        if (!env.isSet(DATABASE_URL)) {
            env.problem(DATABASE_READ_URL, "needs DATABASE_URL: replicas only serve reads, the primary takes the writes");
        }
        primary.filter(writes -> replicas.stream().anyMatch(replica -> sameServer(replica, writes)))
                .ifPresent(writes -> env.problem(DATABASE_READ_URL, "names the DATABASE_URL server; list only its"
                        + " streaming replicas (reads from the primary need no DATABASE_READ_URL)"));
        if (replicas.stream().map(DatabaseSettingsReader::caseFolded).distinct().count() < replicas.size()) {
            env.problem(DATABASE_READ_URL, "names the same replica twice");
        }
        return ReplicaSettings.of(replicas, maxLag);
    }

    private static boolean sameServer(PostgresConnectionSettings one, PostgresConnectionSettings other) {
        return caseFolded(one).equals(caseFolded(other));
    }

    /** Host names are case-insensitive; database names are not. */
    private static String caseFolded(PostgresConnectionSettings connection) {
        return connection.host().toLowerCase(Locale.ROOT) + ":" + connection.port() + "/" + connection.database();
    }
}
