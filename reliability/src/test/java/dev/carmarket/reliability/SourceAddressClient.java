package dev.carmarket.reliability;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to a loopback port from a chosen source address (127.0.0.2, 127.0.0.3, ...), so that nginx and the
 * service see distinct clients, as the public internet's would be. Java 17's HttpClient cannot bind a local
 * address, hence one plain socket per request ({@code Connection: close}). A transport failure is a
 * {@link Reply} with status 0, as with {@link Client}.
 */
final class SourceAddressClient {

    private static final int TIMEOUT_MILLIS = (int) Client.DEFAULT_TIMEOUT.toMillis();

    private final InetAddress source;
    private final int port;

    SourceAddressClient(String sourceAddress, int port) {
        this.source = literal(sourceAddress);
        this.port = port;
    }

    String address() {
        return source.getHostAddress();
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    Reply postJson(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException failed) {
            return Reply.failed(failed, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The whole response of a closed connection: status line, headers, and a plain or chunked body. */
    private static Reply parse(byte[] response, Duration took) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("incomplete response: " + text.length() + " bytes");
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(response, headEnd + 4, response.length);
        boolean chunked = headers.entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Transfer-Encoding")
                && header.getValue().stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked")));
        byte[] content = chunked ? dechunk(body) : body;
        return new Reply(status, new String(content, StandardCharsets.UTF_8), headers, took, null);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder sizeLine = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("truncated chunked body");
                }
                sizeLine.append((char) b);
            }
            int size = Integer.parseInt(sizeLine.toString().split(";")[0].trim(), 16);
            if (size == 0) {
                return content.toByteArray();
            }
            content.write(in.readNBytes(size));
            in.skipNBytes(2);
        }
    }

    private static InetAddress literal(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!parsed.isLoopbackAddress()) {
                throw new IllegalArgumentException("scenarios only send from loopback, not " + address);
            }
            return parsed;
        } catch (IOException notAnAddress) {
            throw new IllegalArgumentException(notAnAddress);
        }
    }
}
