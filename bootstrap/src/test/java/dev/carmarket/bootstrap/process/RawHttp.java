package dev.carmarket.bootstrap.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request on a connection of its own ({@code Connection: close}), written byte for byte
 * as given: it can send header values a well-behaved client refuses to, and it tells a refused
 * connection (the server was not listening) from an accepted one that ended without a complete answer.
 */
final class RawHttp {

    /** The outcome of one request. */
    sealed interface Outcome permits Answered, Refused, Broken {
    }

    /** A complete response: status line, headers, and exactly the announced body. */
    record Answered(int status, Map<String, String> headers, String body) implements Outcome {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "Answered[" + status + " " + body + "]";
        }
    }

    /** Nothing listened: the request was never accepted. */
    record Refused() implements Outcome {
    }

    /** Accepted, then cut off or answered incompletely. */
    record Broken(String what) implements Outcome {
    }

    private RawHttp() {
    }

    /** {@code headerLines} are written as they are, each followed by CRLF. */
    static Outcome get(int port, String path, String... headerLines) {
        Socket socket = new Socket();
        try (socket) {
            socket.setSoTimeout(20_000);
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            } catch (ConnectException refused) {
                return new Refused();
            }
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException failed) {
            return new Broken(failed.toString());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Outcome parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headerEnd < 0) {
            return new Broken("no complete response head: " + text);
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] head = text.substring(0, headerEnd + 4).getBytes(StandardCharsets.UTF_8);
        int bodyLength = bytes.length - head.length;
        String declared = headers.get("content-length");
        if (declared == null || Integer.parseInt(declared) != bodyLength) {
            return new Broken("body of " + bodyLength + " bytes, Content-Length " + declared);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        return new Answered(status, headers, new String(bytes, head.length, bodyLength, StandardCharsets.UTF_8));
    }
}
