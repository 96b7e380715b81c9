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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real nginx in the foreground, in a temp prefix, on a free loopback port, configured from the
 * production example deploy/nginx/carmarket.conf: the same upstream settings (passive health,
 * keepalive, retry of idempotent requests on the other instance), with only the listen address,
 * the upstream servers and the log path replaced, and the per-client limits removed unless a scenario
 * asks for them. No system nginx or its files are involved.
 */
final class Nginx implements AutoCloseable {

    private static final Path EXAMPLE = Path.of(System.getProperty("deploy.dir", "../deploy"), "nginx", "carmarket.conf");
    private static final Pattern UPSTREAM_SERVER =
            Pattern.compile("^\\s*server 127\\.0\\.0\\.1:\\d+ (.*;)$", Pattern.MULTILINE);

    /** The example's limit_req and limit_conn directives in the server block (the zones alone limit nothing). */
    private static final Pattern EDGE_LIMIT = Pattern.compile("^\\s*limit_(?:req|conn) [^;]*;$", Pattern.MULTILINE);

    private enum EdgeLimits { AS_DEPLOYED, OFF }

    private static final Pattern UPSTREAM_IN_LOG = Pattern.compile("upstream=(.*?) upstream_status=");

    private final Process process;
    private final Path prefix;
    private final int port;
    private final Thread killOnExit;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-nginx");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The example without its per-client limits: for scenarios that load it from one address on purpose. */
    static Nginx inFrontOf(List<Integer> upstreamPorts) {
        return start(upstreamPorts, EdgeLimits.OFF);
    }

    /** The example as deployed, its per-client rate and connection limits included. */
    static Nginx withEdgeLimitsInFrontOf(List<Integer> upstreamPorts) {
        return start(upstreamPorts, EdgeLimits.AS_DEPLOYED);
    }

    private static Nginx start(List<Integer> upstreamPorts, EdgeLimits limits) {
        Path binary = binary();
        try {
            Path prefix = Files.createTempDirectory("reliability-nginx");
            Files.createDirectories(prefix.resolve("logs"));
            int port = CarmarketProcess.freePort();
            String site = siteConfig(port, upstreamPorts, prefix);
            Files.writeString(prefix.resolve("carmarket.conf"),
                    limits == EdgeLimits.OFF ? EDGE_LIMIT.matcher(site).replaceAll("") : site);
            Files.writeString(prefix.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes 1;
                    user root;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 4096; }
                    http {
                        client_body_temp_path %1$s/client_body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        include %1$s/carmarket.conf;
                    }
                    """.formatted(prefix));
            Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-e",
                    prefix.resolve("logs/error.log").toString(), "-c", prefix.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(process, prefix, port);
            nginx.awaitListening();
            return nginx;
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    /** The example's server block, listening on loopback {@code port}, proxying to {@code upstreamPorts}. */
    static String siteConfig(int port, List<Integer> upstreamPorts, Path prefix) throws IOException {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        Matcher first = UPSTREAM_SERVER.matcher(example);
        if (!first.find()) {
            throw new IllegalStateException("no `server 127.0.0.1:<port> ...;` upstream line in " + EXAMPLE);
        }
        String servers = upstreamPorts.stream()
                .map(upstream -> "    server 127.0.0.1:" + upstream + " " + first.group(1))
                .collect(Collectors.joining("\n"));
        String site = (example.substring(0, first.start()) + servers
                + UPSTREAM_SERVER.matcher(example.substring(first.end())).replaceAll(""))
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("/var/log/nginx/", prefix.resolve("logs") + "/");
        assertThat(site).as("generated from %s", EXAMPLE).contains("listen 127.0.0.1:" + port + ";")
                .contains(prefix.resolve("logs").toString()).contains("proxy_next_upstream");
        return site;
    }

    private static Path binary() {
        for (Path candidate : List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("nginx is not installed: run deploy/scripts/install-tools.sh (the reliability pom runs it"
                + " in pre-integration-test)");
    }

    /** The upstream address(es) of one access log line: "127.0.0.1:8081" or, after a retry, "a, b". */
    static String upstreamOf(String accessLogLine) {
        Matcher upstream = UPSTREAM_IN_LOG.matcher(accessLogLine);
        return upstream.find() ? upstream.group(1) : "<none>";
    }

    int port() {
        return port;
    }

    /** nginx's access log: one line per request with upstream address and status. */
    List<String> accessLog() {
        try {
            return Files.readAllLines(prefix.resolve("logs/carmarket.access.log"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * The upstream address(es) the access log names for the request with this X-Request-Id. nginx writes the
     * line after it has sent the response, so a client can be faster than the log: this waits up to 5 s.
     */
    String upstreamOfRequest(Reply reply) {
        String requestId = reply.header("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id: " + reply));
        String marker = "rid=" + requestId + " ";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : accessLog()) {
                if (line.contains(marker)) {
                    return upstreamOf(line);
                }
            }
            Pause.of(Duration.ofMillis(50));
        }
        return fail("no access log line with " + marker + "in 5 s");
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!CarmarketProcess.isListening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("nginx did not start on port " + port + ": " + read("logs/error.log") + read("logs/stdout.log"));
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    private String read(String file) {
        try {
            return Files.readString(prefix.resolve(file));
        } catch (IOException missing) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            CarmarketProcess.stopOrKill(process);
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            Logs.keepAndDelete(prefix);
        }
    }
}
