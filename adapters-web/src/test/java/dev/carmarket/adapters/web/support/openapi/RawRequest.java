package dev.carmarket.adapters.web.support.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A request written byte for byte on a connection of its own, for what no HTTP client sends: a
 * header line the server's decoder refuses. The server answers such a request and closes.
 */
public final class RawRequest {

    private RawRequest() {
    }

    /** Sends {@code method path} with {@code headerLine} among its headers; returns the exchange. */
    public static HttpExchange send(URI base, HttpMethod method, String path, String headerLine) {
        String request = method.name() + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n" + headerLine
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return parse(method, base.resolve(path), answer.toByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static HttpExchange parse(HttpMethod method, URI uri, byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        HttpHeaders headers = new HttpHeaders();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        byte[] body = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
        return new HttpExchange(method, uri, new HttpHeaders(), new byte[0], status, headers, body);
    }
}
