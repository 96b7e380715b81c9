package dev.carmarket.gatling.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Prints a TCP port that is free on 127.0.0.1 right now, for run.sh to start the service on.
 * Another process could take it before the service binds; the service then fails to start and
 * run.sh reports that, which is rare enough not to need a retry loop.
 */
public final class FreeLoopbackPort {

    private FreeLoopbackPort() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println(socket.getLocalPort());
        }
    }
}
