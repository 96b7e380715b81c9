import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The Alertmanager webhook receiver of ops/test/fault-injection-test.sh, run as a single-file program
 * ({@code java WebhookReceiver.java <port> <file>}, JDK 11+, nothing to build). Listens on loopback
 * and appends each POST as one line, "{@code <path> TAB <body on one line>}", to the file, so the
 * test can tell which receiver (the path) got which notification. Answers 200 to every POST.
 */
public final class WebhookReceiver {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java WebhookReceiver.java <port> <file>");
            System.exit(2);
        }
        Path log = Path.of(args[1]);
        Files.writeString(log, "", StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 16);
        server.createContext("/", exchange -> record(exchange, log));
        server.start();
        System.out.println("webhook receiver listening on 127.0.0.1:" + args[0]);
    }

    private static void record(HttpExchange exchange, Path log) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // JSON keeps line breaks inside strings escaped: the raw ones are whitespace.
            String json = new String(body.readAllBytes(), StandardCharsets.UTF_8).replaceAll("[\r\n]+", " ");
            synchronized (WebhookReceiver.class) {
                Files.writeString(log, exchange.getRequestURI().getPath() + "\t" + json + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }
}
