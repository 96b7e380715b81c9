package dev.carmarket.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that does what a shutting-down instance did in finding F1: it accepts a connection, lets the
 * request arrive, and resets the connection without answering. A loopback socket, driven by one daemon thread.
 */
final class ResettingUpstream implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket listener;
    private final AtomicInteger resets = new AtomicInteger();

    private ResettingUpstream(ServerSocket listener) {
        this.listener = listener;
        Thread acceptor = new Thread(this::resetEveryConnection, "resetting-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ResettingUpstream start() {
        try {
            return new ResettingUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections reset after their request arrived. */
    int resets() {
        return resets.get();
    }

    private void resetEveryConnection() {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                if (connection.getInputStream().read(new byte[8192]) > 0) {
                    resets.incrementAndGet();
                }
                // Linger 0: close sends RST, as a socket closed with unread data does.
                connection.setSoLinger(true, 0);
            } catch (SocketException closedOrReset) {
                // The listener closed (close()) or the peer gave up: nothing to reset.
            } catch (IOException failed) {
                System.err.println("[reliability] resetting upstream: " + failed);
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
