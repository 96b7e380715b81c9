package dev.carmarket.bootstrap.process;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code bootstrap/target/carmarket.jar}, or the {@code carmarket.jar} system property)
 * running as a real process, with exactly the environment a test gives it. Output goes to files (a full pipe
 * would stall the process); every wait is bounded; {@link #close()} always ends the process, and a shutdown
 * hook does so if the test JVM itself is killed. Shared with the reliability module through bootstrap's
 * test-jar.
 */
public final class CarmarketProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("carmarket.jar", "target/carmarket.jar"));

    /** Small and quick to start: for tests that check behaviour, not throughput or memory. */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final boolean keepOutput;
    private final Thread killOnExit;

    private CarmarketProcess(Process process, Path stdout, Path stderr, boolean keepOutput) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.keepOutput = keepOutput;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-carmarket-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** With {@link #SMALL_JVM}; the output is deleted on close. */
    public static CarmarketProcess start(Map<String, String> environment, String... args) {
        return start(SMALL_JVM, environment, null, args);
    }

    /**
     * @param jvmFlags   the JVM's options, before {@code -jar}
     * @param keptOutput a directory that keeps {@code <name>.out} and {@code <name>.err} after close (for a
     *                   post-mortem), or {@code null} for temporary files deleted on close
     */
    public static CarmarketProcess start(List<String> jvmFlags, Map<String, String> environment, Path keptOutput,
            String... args) {
        assertThat(JAR).as("the packaged jar (build it with `./mvnw package`)").isRegularFile();
        try {
            String name = "carmarket-" + System.nanoTime();
            Path directory = keptOutput != null ? Files.createDirectories(keptOutput) : null;
            Path stdout = directory != null ? directory.resolve(name + ".out") : Files.createTempFile(name, ".out");
            Path stderr = directory != null ? directory.resolve(name + ".err") : Files.createTempFile(name, ".err");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.addAll(List.of("-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // Only what the test sets: nothing of the machine's own configuration leaks in.
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            return new CarmarketProcess(builder.start(), stdout, stderr, directory != null);
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    /** The jar every process here runs. */
    public static Path jar() {
        return JAR;
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Waits for the process to exit, checking all the while that {@code port} never accepts a
     * connection (a configuration or command run must not serve, not even briefly).
     */
    public int awaitExitWithoutListening(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            assertThat(isListening(port)).as("port %d must never open; stderr:%n%s", port, stderr()).isFalse();
            if (System.nanoTime() > deadline) {
                fail("the process did not exit within " + timeout + output());
            }
            sleep(Duration.ofMillis(50));
        }
        return process.exitValue();
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the process did not exit within " + timeout + output());
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits until the port accepts connections; fails (with the output) if the process dies or time runs out. */
    public void awaitListening(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isListening(port)) {
            if (!process.isAlive()) {
                fail("the process exited with " + process.exitValue() + " before listening" + output());
            }
            if (System.nanoTime() > deadline) {
                fail("port " + port + " did not open within " + timeout + output());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Sends a stop signal ({@code TERM} or {@code INT}, what PM2 sends) and waits for the exit status. */
    public int stop(String signal, Duration timeout) {
        signal(signal);
        return awaitExit(timeout);
    }

    /** Sends {@code signal} and returns at once. */
    public void signal(String signal) {
        try {
            int killed = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(killed).as("kill -%s", signal).isZero();
        } catch (IOException cannotSignal) {
            throw new UncheckedIOException(cannotSignal);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private String output() {
        return "; stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    @Override
    public void close() {
        try {
            stopOrKill(process);
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            if (!keepOutput) {
                deleteQuietly(stdout);
                deleteQuietly(stderr);
            }
        }
    }

    /** Asks {@code process} to stop ({@code TERM}) and kills it if it lingers; bounded. */
    public static void stopOrKill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "<unreadable: " + unreadable.getMessage() + ">";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
