package dev.carmarket.bootstrap.process;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and one streaming replica of their own, for tests of read routing: {@code initdb}
 * into a temporary folder, a {@code pg_hba.conf} that lets 127.0.0.1 replicate, {@code pg_basebackup -R}
 * for the replica and {@code pg_ctl} for both, each on a free loopback port and as the {@code postgres}
 * user. The machine's own cluster is never touched; {@link #close()} stops both and deletes the folder.
 * Shared with the reliability module through bootstrap's test-jar.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    public static final String DATABASE = "carmarket";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String USER = "postgres";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

    private final Path folder;
    private final int primaryPort;
    private final int replicaPort;

    private ReplicatedPostgres(Path folder, int primaryPort, int replicaPort) {
        this.folder = folder;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** Starts the primary with an empty {@value #DATABASE} database, and a replica streaming from it. */
    public static ReplicatedPostgres start() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            fail("this test needs PostgreSQL 15's server binaries under " + BIN + " (Debian's postgresql-15)");
        }
        Path folder = temporaryFolder();
        ReplicatedPostgres cluster = new ReplicatedPostgres(folder, CarmarketProcess.freePort(),
                CarmarketProcess.freePort());
        try {
            cluster.initPrimary();
            cluster.execute(cluster.primaryPort, "postgres", "CREATE DATABASE " + DATABASE);
            cluster.cloneReplica();
            return cluster;
        } catch (RuntimeException | AssertionError failed) {
            cluster.close();
            throw failed;
        }
    }

    /** The service's {@code DATABASE_URL}. */
    public String primaryUrl() {
        return url(primaryPort);
    }

    /** The service's {@code DATABASE_READ_URL}. */
    public String replicaUrl() {
        return url(replicaPort);
    }

    public String replicaName() {
        return "127.0.0.1:" + replicaPort + "/" + DATABASE;
    }

    /** Index and sequential scans of {@code table} as {@code port}'s own statistics count them. */
    public long primaryScans(String table) {
        return scans(primaryPort, table);
    }

    public long replicaScans(String table) {
        return scans(replicaPort, table);
    }

    public void pauseReplay() {
        execute(replicaPort, DATABASE, "SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        execute(replicaPort, DATABASE, "SELECT pg_wal_replay_resume()");
    }

    /** A fast shutdown of the replica: its connections are closed, as when its host goes away. */
    public void stopReplica() {
        run(pgCtl(replicaData(), "stop", "-m", "fast"));
    }

    public void startReplica() {
        run(pgCtl(replicaData(), "start"));
        awaitInRecovery();
    }

    /** Runs {@code sql} on the primary's {@value #DATABASE} database. */
    public void executeOnPrimary(String sql) {
        execute(primaryPort, DATABASE, sql);
    }

    @Override
    public void close() {
        for (Path data : List.of(replicaData(), primaryData())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                runQuietly(pgCtl(data, "stop", "-m", "immediate"));
            }
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    private void initPrimary() {
        run(asPostgres(BIN.resolve("initdb").toString(), "-D", primaryData().toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        append(primaryData().resolve("postgresql.conf"), serverSettings(primaryPort)
                + "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n");
        append(primaryData().resolve("pg_hba.conf"), "host replication " + USER + " 127.0.0.1/32 trust\n");
        run(pgCtl(primaryData(), "start"));
    }

    private void cloneReplica() {
        run(asPostgres(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(primaryPort), "-U", USER, "-D", replicaData().toString(), "-R", "-X", "stream",
                "-c", "fast"));
        append(replicaData().resolve("postgresql.auto.conf"), serverSettings(replicaPort));
        run(pgCtl(replicaData(), "start"));
        awaitInRecovery();
    }

    /** Loopback only, sockets in the test's folder, and no durability a test would wait for. */
    private String serverSettings(int port) {
        return "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + folder
                + "'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 64MB\n";
    }

    private void awaitInRecovery() {
        long deadline = System.nanoTime() + COMMAND_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect(replicaPort, DATABASE); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                if (row.next() && row.getBoolean(1)) {
                    return;
                }
            } catch (SQLException notYet) {
                // starting up
            }
            sleep(Duration.ofMillis(200));
        }
        fail("the replica on port " + replicaPort + " did not come up in recovery; log:\n" + log(replicaData()));
    }

    private long scans(int port, String table) {
        // Statistics reach the shared view when a backend is idle (at most once a second): a fresh
        // transaction with a cleared snapshot sees the latest.
        try (Connection connection = connect(port, DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                    + " FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot read statistics on port " + port, failed);
        }
    }

    private void execute(int port, String database, String sql) {
        try (Connection connection = connect(port, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException("'" + sql + "' failed on port " + port, failed);
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
    }

    private static String url(int port) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + DATABASE + "?sslmode=disable";
    }

    private Path primaryData() {
        return folder.resolve("primary");
    }

    private Path replicaData() {
        return folder.resolve("replica");
    }

    private List<String> pgCtl(Path data, String... arguments) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", data.resolveSibling(data.getFileName() + ".log").toString(), "-w"));
        command.addAll(List.of(arguments));
        return asPostgres(command.toArray(String[]::new));
    }

    /** PostgreSQL refuses to run as root: run its tools as {@code postgres} when the test runs as root. */
    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("carmarket-replication-");
            if ("root".equals(System.getProperty("user.name"))) {
                run(List.of("chown", USER + ":" + USER, folder.toString()));
            }
            return folder;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private String log(Path data) {
        try {
            return Files.readString(data.resolveSibling(data.getFileName() + ".log"));
        } catch (IOException missing) {
            return "(no log)";
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void run(List<String> command) {
        String output = runQuietly(command);
        if (output != null) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** @return null on success, else the command's output */
    private static String runQuietly(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(Path.of("/").toFile())
                    .redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with our pipe: read nothing until it ends, then what it said.
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no end within " + COMMAND_LIMIT;
            }
            String output = new String(process.getInputStream().readAllBytes());
            return process.exitValue() == 0 ? null : output;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
