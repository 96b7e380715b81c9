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
 * The packaged jar ({@code bootstrap/target/carmarket.jar}) running as a real process, with exactly
 * the environment a test gives it. Output goes to files (a full pipe would stall the process);
 * every wait is bounded and {@link #close()} always kills it.
 */
final class CarmarketProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("carmarket.jar", "target/carmarket.jar"));

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CarmarketProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CarmarketProcess start(Map<String, String> environment, String... args) {
        assertThat(JAR).as("the packaged jar (run the tests with `mvn verify`)").isRegularFile();
        try {
            Path stdout = Files.createTempFile("carmarket-stdout", ".log");
            Path stderr = Files.createTempFile("carmarket-stderr", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Small and quick to start: these tests check behaviour, not throughput.
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // Only what the test sets: nothing of the machine's own configuration leaks in.
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            return new CarmarketProcess(builder.start(), stdout, stderr);
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    /** A port nothing listens on right now. */
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

    /**
     * Waits for the process to exit, checking all the while that {@code port} never accepts a
     * connection (a configuration or command run must not serve, not even briefly).
     */
    int awaitExitWithoutListening(int port, Duration timeout) {
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

    int awaitExit(Duration timeout) {
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
    void awaitListening(int port, Duration timeout) {
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
    int stop(String signal, Duration timeout) {
        try {
            int killed = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(killed).as("kill -%s", signal).isZero();
        } catch (IOException cannotSignal) {
            throw new UncheckedIOException(cannotSignal);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return awaitExit(timeout);
    }

    private String output() {
        return "; stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
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
