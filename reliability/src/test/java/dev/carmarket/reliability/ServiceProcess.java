package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar as a {@link CarmarketProcess} in production mode, with the JVM flags of
 * {@code deploy/ecosystem.config.js} (so memory figures mean something). Output is kept under
 * {@code target/reliability-logs} for a post-mortem.
 */
final class ServiceProcess implements AutoCloseable {

    static final String INTERNAL_TOKEN = "reliability-internal-token-0123456789abcdef";
    static final String WEBHOOK_SECRET = "reliability-webhook-secret-0123456789abcdef";
    private static final List<String> ECOSYSTEM_JVM_FLAGS = List.of("-Xms256m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    private final String name;
    private final int port;
    private final CarmarketProcess process;

    private ServiceProcess(String name, int port, CarmarketProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * The production environment the scenarios run with; {@code overrides} adds or replaces entries. The abuse
     * controls are off: the scenarios load the service from one address on purpose. AbuseControlsIT, which
     * tests them, puts their defaults back.
     */
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
        environment.put("RATE_LIMITS", "off");
        environment.put("ORDER_QUOTA", "off");
        environment.putAll(overrides);
        return environment;
    }

    /** Serves on the environment's PORT. */
    static ServiceProcess start(String name, Map<String, String> environment) {
        return new ServiceProcess(name, Integer.parseInt(environment.get("PORT")),
                CarmarketProcess.start(ECOSYSTEM_JVM_FLAGS, environment, Logs.DIRECTORY));
    }

    /** A fresh service on a free port over {@code database}, seeded with {@code cars} demo cars, ready. */
    static ServiceProcess startSeeded(String name, Postgres database, int cars) {
        int port = CarmarketProcess.freePort();
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
        try (CarmarketProcess seed = CarmarketProcess.start(ECOSYSTEM_JVM_FLAGS, environment, Logs.DIRECTORY, "--seed=" + cars)) {
            int status = seed.awaitExit(Duration.ofSeconds(120));
            assertThat(status).as("--seed=%d exit status; stderr:%n%s", cars, seed.stderr()).isZero();
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
        while (!CarmarketProcess.isListening(port) || probe.ready().status() != 200) {
            if (!process.isAlive()) {
                fail(name + " exited before it was ready; log:\n" + log());
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
        return process.stop(signal, timeout);
    }

    int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
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
        return process.stdout() + process.stderr();
    }

    @Override
    public void close() {
        process.close();
    }
}
