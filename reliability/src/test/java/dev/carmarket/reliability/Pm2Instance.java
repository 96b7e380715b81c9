package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance supervised by a real PM2, exactly as production runs it: {@code deploy/ecosystem.config.js}
 * with {@code --only carmarket-2}, a deploy root of its own in a temp directory (the packaged jar as the only
 * release, the environment as its env file) and a private {@code PM2_HOME}, so nothing touches another PM2.
 * {@link #close()} kills that PM2 daemon and its instance and keeps the logs in {@code target/reliability-logs}.
 */
final class Pm2Instance implements AutoCloseable {

    static final String NAME = "carmarket-2";
    private static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "../deploy"));
    private static final Path PM2 = DEPLOY.resolve(".tools/node_modules/.bin/pm2");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final int port;

    private Pm2Instance(Path root, int port) {
        this.root = root;
        this.port = port;
    }

    /** Starts {@code carmarket-2} on {@code port} under a private PM2 and waits until it is ready. */
    static Pm2Instance start(Map<String, String> environment, int port) {
        assertThat(PM2).as("PM2 (deploy/scripts/install-tools.sh installs it)").isRegularFile();
        try {
            Path root = Files.createTempDirectory("carmarket-pm2-");
            Path release = Files.createDirectories(root.resolve("releases/reliability"));
            Files.createSymbolicLink(release.resolve("carmarket.jar"), CarmarketProcess.jar().toAbsolutePath());
            Files.createSymbolicLink(root.resolve("current"), release);
            Files.createDirectories(root.resolve("logs"));
            Files.write(root.resolve("env"), environment.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals("PORT"))
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
            Pm2Instance instance = new Pm2Instance(root, port);
            instance.pm2("start", DEPLOY.resolve("ecosystem.config.js").toAbsolutePath().toString(), "--only", NAME);
            return instance.awaitServing(Optional.empty(), Duration.ofSeconds(90));
        } catch (IOException cannotPrepare) {
            throw new UncheckedIOException(cannotPrepare);
        }
    }

    int port() {
        return port;
    }

    /** The JVM's pid as PM2 reports it, while PM2 has it online. */
    Optional<Long> pid() {
        JsonNode processes = readJson(pm2("jlist"));
        for (JsonNode process : processes) {
            if (NAME.equals(process.path("name").asString())
                    && "online".equals(process.path("pm2_env").path("status").asString())
                    && process.path("pid").asLong() > 0) {
                return Optional.of(process.path("pid").asLong());
            }
        }
        return Optional.empty();
    }

    /** Sends {@code TERM} to the JVM (not through PM2) and waits for that process to end; returns how long it took. */
    Duration terminate(long pid, Duration timeout) {
        long started = System.nanoTime();
        run(List.of("kill", "-TERM", Long.toString(pid)), Map.of());
        Path proc = Path.of("/proc", Long.toString(pid));
        while (Files.exists(proc)) {
            if (System.nanoTime() - started > timeout.toNanos()) {
                fail("pid " + pid + " did not exit within " + timeout + "; log:\n" + log());
            }
            Pause.of(Duration.ofMillis(50));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Waits until PM2 runs a JVM other than {@code previous} and that JVM's readiness is 200. */
    Pm2Instance awaitServing(Optional<Long> previous, Duration timeout) {
        Client probe = new Client(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Long> current = pid();
            if (current.isPresent() && !current.equals(previous)
                    && CarmarketProcess.isListening(port) && probe.ready().status() == 200) {
                return this;
            }
            if (System.nanoTime() > deadline) {
                fail(NAME + " was not serving under PM2 within " + timeout + "; log:\n" + log());
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    /** How often PM2 restarted the instance. */
    long restarts() {
        for (JsonNode process : readJson(pm2("jlist"))) {
            if (NAME.equals(process.path("name").asString())) {
                return process.path("pm2_env").path("restart_time").asLong();
            }
        }
        return -1;
    }

    String log() {
        return read(root.resolve("logs/" + NAME + ".out.log")) + read(root.resolve("logs/" + NAME + ".err.log"));
    }

    @Override
    public void close() {
        try {
            pm2("kill");
        } finally {
            Logs.keepAndDelete(root);
        }
    }

    private String pm2(String... args) {
        List<String> command = new ArrayList<>(List.of(PM2.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return run(command, Map.of(
                "PM2_HOME", root.resolve("pm2-home").toString(),
                "CARMARKET_DEPLOY_ROOT", root.toString(),
                "CARMARKET_ENV_FILE", root.resolve("env").toString(),
                "CARMARKET_BASE_PORT", Integer.toString(port - 1),
                "CARMARKET_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }

    private static String run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException cannotRun) {
            throw new UncheckedIOException(cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** {@code pm2 jlist} may print "[PM2] ..." lines (starting its daemon) before the one line of JSON. */
    private static JsonNode readJson(String output) {
        return JSON.readTree(output.lines().filter(line -> line.startsWith("[{") || line.equals("[]"))
                .reduce((first, last) -> last).orElse("[]"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException missing) {
            return "";
        }
    }
}
