package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.migration.MigrationSafetyRules;
import dev.carmarket.adapters.r2dbc.migration.MigrationScripts;
import dev.carmarket.adapters.r2dbc.replica.ReadReplicas;
import dev.carmarket.adapters.r2dbc.replica.ReplicaHealth;
import dev.carmarket.adapters.r2dbc.replica.ReplicaState;
import dev.carmarket.bootstrap.settings.DatabaseSettingsReader;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.DatabaseSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code --preflight}: what the deploy script runs before switching releases. The configuration
 * has already passed the same checks as a real start; this adds the database connection and the
 * migration state, prints a short report and serves nothing.
 */
public final class Preflight {

    // A deploy gate, not a request: a cold JVM's first connection on a busy host may take a while, and a
    // false "unreachable" would refuse a good release. An unreachable server still fails at once (refused).
    static final Duration PING_TIMEOUT = Duration.ofSeconds(20);

    private final PrintStream out;

    public Preflight(PrintStream out) {
        this.out = out;
    }

    /** @throws CommandFailedException when the database cannot be reached or a shipped migration is not additive */
    public void run(CarmarketSettings settings) {
        report("configuration OK (APP_ENV=" + settings.environment().wireName() + ", PORT=" + settings.server().port()
                + ", LOG_FORMAT=" + settings.logFormat().wireName() + ")");
        settings.database().ifPresentOrElse(this::checkDatabase,
                () -> report("no DATABASE_URL: the in-memory store with demo data would serve"));
        checkMigrationSafety();
        report("OK");
    }

    private void checkDatabase(DatabaseSettings database) {
        String where = database.connection().server();
        try (R2dbcPersistence persistence = DatabaseTarget.connect(database)) {
            Duration latency = Await.result(persistence.pingDatabase(PING_TIMEOUT),
                    PING_TIMEOUT.plus(database.connection().connectTimeout()));
            report("database reachable at " + where + " (connected and answered SELECT 1 in "
                    + latency.toMillis() + " ms)");
            checkReplicas(persistence.readReplicas());
        } catch (CommandFailedException replicaProblem) {
            throw replicaProblem;
        } catch (RuntimeException unreachable) {
            throw new CommandFailedException("database not reachable at " + where + ": "
                    + RootCause.describe(unreachable), ExitStatus.UNAVAILABLE);
        }
        MigrationState state = MigrationState.of(database.connection());
        report("schema version " + (state.currentVersion().isEmpty() ? "none (empty database)" : state.currentVersion())
                + "; " + (state.pending().isEmpty() ? "no pending migrations"
                        : state.pending().size() + " pending: " + String.join(", ", state.pending())));
    }

    /** Each read replica must answer and be in recovery; a primary named as a replica is a configuration error. */
    private void checkReplicas(ReadReplicas replicas) {
        for (ReplicaHealth replica : Await.result(replicas.checkNow(PING_TIMEOUT), PING_TIMEOUT.plusSeconds(1))) {
            switch (replica.state()) {
                case NOT_A_REPLICA -> throw new CommandFailedException(DatabaseSettingsReader.DATABASE_READ_URL
                        + ": " + replica.replica() + " is not in recovery: it is a primary, not a streaming replica",
                        ExitStatus.CONFIG);
                case DOWN -> throw new CommandFailedException("read replica not reachable at " + replica.replica()
                        + ": " + replica.detail().orElse("down"), ExitStatus.UNAVAILABLE);
                case UP, LAGGING -> report("read replica " + replica.replica() + " in recovery, replay lag "
                        + replica.lag().map(Duration::toMillis).orElse(0L) + " ms"
                        + (replica.state() == ReplicaState.LAGGING ? " (over DATABASE_READ_MAX_LAG: reads would"
                                + " go to the primary until it catches up)" : ""));
            }
        }
    }

    private void checkMigrationSafety() {
        List<MigrationSafetyRules.Finding> findings = MigrationSafetyRules.check(MigrationScripts.shipped());
        if (!findings.isEmpty()) {
            findings.forEach(finding -> report("non-additive migration " + finding));
            throw new CommandFailedException(findings.size() + " non-additive migration statement(s); mark a"
                    + " deliberate one with '" + MigrationSafetyRules.ALLOW_MARKER + "'", ExitStatus.DATA);
        }
        report("shipped migrations are additive");
    }

    private void report(String line) {
        out.println("carmarket preflight: " + line);
    }
}
