package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, resource bounds: many connections sending bodies byte by byte do not starve normal
 * clients; under a steady load for {@link Form#soak()} the resident memory stays below the
 * {@code max_memory_restart} of deploy/ecosystem.config.js (the service runs with the same JVM flags).
 */
class ResourceBoundsIT {

    private static final Form FORM = Form.current();
    private static final Path ECOSYSTEM = Path.of(System.getProperty("deploy.dir", "../deploy"), "ecosystem.config.js");
    /** A normal request while slow clients hold connections: well inside a front end's patience. */
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(3);

    private final Report report = new Report("resource bounds");

    @Test
    void slowClientsDoNotExhaustTheServiceAndMemoryStaysWithinThePm2Limit() throws IOException {
        long limitMiB = pm2MemoryLimitMiB();
        try (Postgres database = Postgres.createDatabase()) {
            try (ServiceProcess service = ServiceProcess.startSeeded("bounds", database, 2000)) {
                int port = service.port();
                Client client = new Client(port);
                slowClients(service, new Client(port, SERVED_WITHIN.multipliedBy(2)));
                soak(service, client, limitMiB);
                assertThat(client.ready().status()).as("ready after the slow clients and the soak").isEqualTo(200);
            } finally {
                report.print();
            }
        }
    }

    private void slowClients(ServiceProcess service, Client client) throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < FORM.slowClients(); i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 2000);
                socket.getOutputStream().write(("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            AtomicLong slowestMillis = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                int open = dribble(slow);
                Reply search = report.count("normal clients meanwhile", client.get("/car-details/search?limit=20"));
                slowestMillis.accumulateAndGet(search.took().toMillis(), Math::max);
                report.count("slow connections still open", Integer.toString(open));
                Pause.of(Duration.ofMillis(250));
            }
            report.fact("%d slow clients, slowest normal request meanwhile %d ms", slow.size(), slowestMillis.get());
            assertThat(report.tally("normal clients meanwhile")).containsOnlyKeys("200");
            assertThat(slowestMillis.get()).isLessThan(SERVED_WITHIN.toMillis());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** One more byte on every slow connection still open; returns how many are. */
    private static int dribble(List<Socket> sockets) {
        int open = 0;
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(' ');
                open++;
            } catch (IOException closedByTheService) {
                // the service may time a dribbling client out: that is one way of staying bounded
            }
        }
        return open;
    }

    private void soak(ServiceProcess service, Client client, long limitMiB) {
        Queue<String> cars = new ConcurrentLinkedQueue<>(Shop.availableCars(client, 1500));
        AtomicLong peak = new AtomicLong();
        List<Long> samples = new ArrayList<>();
        Load.run(4, worker -> {
            report.count("soak", client.get("/car-details/search?limit=50&sort=price_desc&page=" + (1 + worker)));
            String car = cars.poll();
            if (car != null) {
                Reply order = report.count("soak", Shop.placeOrder(client, Shop.orderBody(car, Shop.uniqueEmail()),
                        UUID.randomUUID().toString()));
                if (order.status() == 201) {
                    report.count("soak", client.get("/orders/" + order.json().path("data").path("id").asString()));
                }
            }
            Pause.of(Duration.ofMillis(20));
        }, healthy -> {
            long end = System.nanoTime() + FORM.soak().toNanos();
            while (System.nanoTime() < end && healthy.getAsBoolean()) {
                long rss = service.residentMiB();
                samples.add(rss);
                peak.accumulateAndGet(rss, Math::max);
                Pause.of(Duration.ofSeconds(1));
            }
        }, Duration.ofSeconds(30));
        report.fact("soak %d s: RSS first %d MiB, last %d MiB, peak %d MiB (PM2 max_memory_restart %d MiB)",
                FORM.soak().toSeconds(), samples.get(0), samples.get(samples.size() - 1), peak.get(), limitMiB);
        assertThat(report.tally("soak").keySet()).as("statuses under the soak").isSubsetOf("200", "201");
        assertThat(peak.get()).as("peak resident memory, MiB").isLessThan(limitMiB);
    }

    /** {@code max_memory_restart: '800M'} of the ecosystem file, in MiB. */
    private static long pm2MemoryLimitMiB() throws IOException {
        Matcher limit = Pattern.compile("max_memory_restart:\\s*'(\\d+)([MG])'").matcher(Files.readString(ECOSYSTEM));
        assertThat(limit.find()).as("max_memory_restart in %s", ECOSYSTEM).isTrue();
        return Long.parseLong(limit.group(1)) * (limit.group(2).equals("G") ? 1024 : 1);
    }
}
