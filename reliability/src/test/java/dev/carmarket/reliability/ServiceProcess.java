package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as a real process in production mode. Output goes to files under
 * {@code target/reliability-logs} (kept for a post-mortem); every wait is bounded; {@link #close()}
 * always ends the process, and a shutdown hook does so if the test JVM itself is killed.
 */
final class ServiceProcess implements AutoCloseable {

    static final String INTERNAL_TOKEN = "reliability-internal-token-0123456789abcdef";
    static final String WEBHOOK_SECRET = "reliability-webhook-secret-0123456789abcdef";
    private static final Path JAR = Path.of(System.getProperty("service.jar", "../bootstrap/target/carmarket.jar"));
    static final Path LOGS = Path.of("target", "reliability-logs");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The production environment the scenarios run with; {@code overrides} adds or replaces entries. */
    static Map<String, String> environment(int port, String databaseUrl, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>();
        environment.put("APP_ENV", "production");
        environment.put("PORT", Integer.toString(port));
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("CORS_ALLOWED_ORIGINS", "https://shop.example");
        environment.put("TRUST_PROXY", "127.0.0.1");
        environment.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
        environment.put("PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
        environment.put("LOG_FORMAT", "json");
        environment.put("SHUTDOWN_GRACE_PERIOD", "5s");
        environment.putAll(overrides);
        return environment;
    }

    /** Serves on the environment's PORT; JVM flags as in deploy/ecosystem.config.js, so memory figures mean something. */
    static ServiceProcess start(String name, Map<String, String> environment) {
        return launch(name, Integer.parseInt(environment.get("PORT")), environment);
    }

    /** A fresh service on a free port over {@code database}, seeded with {@code cars} demo cars, ready. */
    static ServiceProcess startSeeded(String name, Postgres database, int cars) {
        int port = freePort();
        Map<String, String> environment = environment(port, database.serviceUrl(Postgres.PORT), Map.of());
        seed(environment, cars);
        ServiceProcess service = start(name, environment);
        try {
            return service.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException | AssertionError notReady) {
            service.close();
            throw notReady;
        }
    }

    /** {@code --seed=cars}: migrates and loads the deterministic demo cars, then exits 0. */
    static void seed(Map<String, String> environment, int cars) {
        try (ServiceProcess seed = launch("seed", -1, environment, "--seed=" + cars)) {
            int status = seed.awaitExit(Duration.ofSeconds(120));
            assertThat(status).as("--seed=%d exit status; log:%n%s", cars, seed.log()).isZero();
        }
    }

    private static ServiceProcess launch(String name, int port, Map<String, String> environment, String... args) {
        assertThat(JAR).as("the packaged service jar (package bootstrap first)").isRegularFile();
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
                    "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-Xss512k",
                    "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for readiness 200 (database reachable, migrations done); fails with the log otherwise. */
    ServiceProcess awaitReady(Duration timeout) {
        Client probe = new Client(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isListening(port) || probe.ready().status() != 200) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before it was ready; log:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                fail(name + " was not ready within " + timeout + "; log:\n" + log());
            }
            Pause.of(Duration.ofMillis(200));
        }
        return this;
    }

    /** Sends {@code TERM} or {@code INT} (what PM2 sends) and returns the exit status. */
    int stop(String signal, Duration timeout) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        } catch (IOException cannotSignal) {
            throw new UncheckedIOException(cannotSignal);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(name + " did not exit within " + timeout + "; log:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Resident set size of the process (Linux), in MiB. */
    long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            throw new IllegalStateException("no VmRSS for " + name);
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "<unreadable log " + log + ">";
        }
    }

    @Override
    public void close() {
        end(process, killOnExit);
    }

    /** Asks {@code process} to stop, kills it if it lingers, and drops its shutdown hook. */
    static void end(Process process, Thread killOnExit) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }
}
