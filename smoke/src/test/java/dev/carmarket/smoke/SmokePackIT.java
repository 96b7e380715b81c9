package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged smoke jar against the packaged service jar (in-memory store, APP_ENV=development): the whole
 * pack, read-only checks, internal checks and the write flow, must pass. The service jar comes from the
 * bootstrap module; without it this test fails rather than skips.
 */
class SmokePackIT {

    /** The development default of PAYMENT_WEBHOOK_SECRET (bootstrap's EdgeSettingsReader). */
    private static final String DEVELOPMENT_WEBHOOK_SECRET = "carmarket-development-webhook-secret-not-for-production";
    private static final String INTERNAL_TOKEN = "smoke-it-internal-token-0123456789abcdef";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static final Duration SMOKE_LIMIT = Duration.ofSeconds(120);

    private final Path serviceJar = Path.of(System.getProperty("service.jar", "../bootstrap/target/carmarket.jar"));
    private final Path smokeJar = Path.of(System.getProperty("smoke.jar", "target/carmarket-smoke.jar"));
    private final Path serviceLog = Path.of("target", "smoke-it-service.log");
    private final Path report = Path.of("target", "smoke-it-report.json");

    @Test
    void wholePackPassesAgainstTheRealService() throws Exception {
        if (!Files.isRegularFile(serviceJar)) {
            fail("the service jar " + serviceJar.toAbsolutePath().normalize() + " does not exist: build bootstrap "
                    + "first (./mvnw -pl bootstrap package); the reactor builds it before smoke");
        }
        assertThat(smokeJar).as("the shaded smoke jar (mvn package)").isRegularFile();
        int port = freePort();
        Process service = startService(port);
        try {
            awaitListening(service, port);
            Process smoke = new ProcessBuilder(javaBinary(), "-jar", smokeJar.toString(),
                    "--base-url", "http://127.0.0.1:" + port,
                    "--internal-token", INTERNAL_TOKEN,
                    "--write", "--webhook-secret", DEVELOPMENT_WEBHOOK_SECRET,
                    "--json", report.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(smoke.getInputStream().readAllBytes());
            assertThat(smoke.waitFor(SMOKE_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("smoke run finished").isTrue();

            assertThat(smoke.exitValue()).as("smoke output:%n%s%nservice log tail:%n%s", output, serviceLogTail())
                    .isZero();
            JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
            assertThat(json.path("failed").asInt()).isZero();
            assertThat(json.path("passed").asInt()).isEqualTo(17);
            assertThat(output).contains("17 passed, 0 failed");
        } finally {
            stop(service);
        }
    }

    private Process startService(int port) throws IOException {
        // small heap and serial GC: the build box has 2 cores shared with parallel builds
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                serviceJar.toString())
                .redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile());
        Map<String, String> env = builder.environment();
        List.of("DATABASE_URL", "SENTRY_DSN", "STRICT_VALIDATION", "CORS_ALLOWED_ORIGINS", "TRUST_PROXY",
                "PAYMENT_WEBHOOK_SECRET").forEach(env::remove);
        env.put("APP_ENV", "development");
        env.put("PORT", Integer.toString(port));
        env.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
        return builder.start();
    }

    /** Waits for any HTTP answer: whether that answer is right is the smoke pack's to judge and report. */
    private void awaitListening(Process service, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                fail("the service exited with " + service.exitValue() + " before it answered HTTP; log tail:%n%s",
                        serviceLogTail());
            }
            try {
                client.send(live, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        fail("the service did not answer HTTP within " + STARTUP_LIMIT.toSeconds() + " s; log tail:%n%s", serviceLogTail());
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(20, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String serviceLogTail() throws IOException {
        if (!Files.exists(serviceLog)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(serviceLog);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
