package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import dev.carmarket.bootstrap.process.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, database outage under load: searches and order flows run steadily while a proxy between
 * the service and PostgreSQL is cut for {@link Form#outage()} and restored. Liveness stays 200,
 * readiness 503, business routes answer a fast 503 envelope, nothing 500s or hangs; readiness recovers
 * without a restart, and the audit finds every order the client was told about exactly once.
 */
class DatabaseOutageUnderLoadIT {

    private static final Form FORM = Form.current();
    /** Connect/acquire timeouts and the readiness check (1.5 s) plus a busy 2-core box's slack. */
    private static final Duration FAST_ANSWER = Duration.ofSeconds(5);
    private static final List<String> SEARCHES = List.of("/car-details/search?limit=20",
            "/car-details/search?fuelType=DIESEL&sort=price_desc", "/car-details/search?q=golf&limit=5",
            "/car-details/search?yearMin=2015&priceMax=30000&page=2", "/car-details/search?bodyType=SUV&sort=year_asc");

    private final Report report = new Report("database outage under load");
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowest = new AtomicLong();
    private volatile String phase = "before";

    /** One order attempt, kept for the audit. */
    private record Attempt(String carId, String email, String key, String body, String phase, Reply reply) {
    }

    @Test
    void ordersSurviveAnOutageExactlyOnceAndTheServiceHealsItself() {
        try (Postgres database = Postgres.createDatabase(); TcpProxy proxy = TcpProxy.to(Postgres.PORT)) {
            int port = CarmarketProcess.freePort();
            ServiceProcess.seed(ServiceProcess.environment(port, database.serviceUrl(Postgres.PORT), Map.of()), 1500);
            try (ServiceProcess service = ServiceProcess.start("outage",
                    ServiceProcess.environment(port, database.serviceUrl(proxy.port()), Map.of()))) {
                service.awaitReady(Duration.ofSeconds(90));
                Client client = new Client(port);
                Queue<String> freeCars = new ConcurrentLinkedQueue<>(Shop.availableCars(client, 1000));

                Load.run(FORM.loadWorkers(), worker -> iteration(client, freeCars), healthy -> {
                    Pause.of(Duration.ofSeconds(3));
                    phase = "outage";
                    proxy.cut();
                    probeHealthDuring(client, FORM.outage());
                    proxy.restore();
                    phase = "recovery";
                    long cutAt = System.nanoTime();
                    assertThat(Load.eventually(() -> client.ready().status() == 200, Duration.ofSeconds(30)))
                            .as("readiness 200 again within 30 s of the restore").isTrue();
                    report.fact("readiness back %d ms after the restore", (System.nanoTime() - cutAt) / 1_000_000);
                    phase = "after";
                    Pause.of(Duration.ofSeconds(3));
                }, Duration.ofSeconds(30));

                assertThat(service.isAlive()).as("the same process serves on (no restart)").isTrue();
                report.fact("slowest business request %d ms (bound %d ms)", slowest.get(), FAST_ANSWER.toMillis());
                assertThat(report.tally("outage")).as("business routes during the outage").containsOnlyKeys("503");
                for (String p : List.of("before", "recovery", "after")) {
                    assertThat(report.tally(p).keySet()).as("statuses %s the outage", p).isSubsetOf("200", "201", "503");
                }
                assertThat(report.tally("after")).as("after recovery").containsOnlyKeys("200", "201");
                assertThat(slowest.get()).as("no request hangs").isLessThan(FAST_ANSWER.toMillis());
                audit(database, client);
            } finally {
                report.print();
            }
        }
    }

    /** One unit of steady traffic: two searches, then an order flow on a car nobody else is ordering. */
    private void iteration(Client client, Queue<String> freeCars) {
        String phaseAtStart = phase;
        for (int i = 0; i < 2; i++) {
            timed(phaseAtStart, client.get(SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size()))));
        }
        String carId = freeCars.poll();
        if (carId != null) {
            String email = Shop.uniqueEmail();
            String key = UUID.randomUUID().toString();
            String body = Shop.orderBody(carId, email);
            Reply reply = timed(phaseAtStart, Shop.placeOrder(client, body, key));
            attempts.add(new Attempt(carId, email, key, body, phaseAtStart, reply));
            if (reply.status() == 201) {
                String orderId = reply.json().path("data").path("id").asString();
                timed(phaseAtStart, client.get("/orders/" + orderId));
                timed(phaseAtStart, Shop.startPayment(client, orderId));
            } else {
                freeCars.add(carId);
            }
        }
        Pause.of(Duration.ofMillis(100));
    }

    private Reply timed(String phaseAtStart, Reply reply) {
        slowest.accumulateAndGet(reply.took().toMillis(), Math::max);
        // A request that started before the cut and ended in it belongs to neither phase cleanly: counted as sent.
        report.count(phaseAtStart.equals(phase) ? phaseAtStart : "straddling", reply);
        assertThat(Envelope.problems(reply)).as("envelope of %s", reply).isEmpty();
        if (reply.status() == 503) {
            assertThat(reply.json().path("message").asString()).isEqualTo("Service temporarily unavailable");
        }
        return reply;
    }

    private void probeHealthDuring(Client client, Duration outage) {
        long end = System.nanoTime() + outage.toNanos();
        while (System.nanoTime() < end) {
            report.count("outage liveness", client.get("/health/live"));
            report.count("outage readiness", client.ready());
            Pause.of(Duration.ofMillis(250));
        }
        assertThat(report.tally("outage liveness")).as("liveness during the outage").containsOnlyKeys("200");
        // The first probe may still see the pool's last good answer: at least every later one is 503.
        assertThat(report.tally("outage readiness")).as("readiness during the outage").containsKey("503");
        assertThat(report.tally("outage readiness").getOrDefault("200", 0L)).isLessThanOrEqualTo(1L);
    }

    /**
     * Every 201 is exactly one order on its car, the car RESERVED; a 503 left no order behind (or, if the
     * commit raced the cut, a replay with the key returns it); every touched car's status matches its orders.
     */
    private void audit(Postgres database, Client client) {
        long created = 0;
        long refused = 0;
        long replayed = 0;
        for (Attempt attempt : attempts) {
            List<Map<String, Object>> orders = database.query(
                    "SELECT id::text AS id, car_id::text AS car, status FROM orders WHERE customer_email = ?", attempt.email());
            if (attempt.reply().status() == 201) {
                created++;
                String id = attempt.reply().json().path("data").path("id").asString();
                assertThat(orders).as("orders for the 201 of %s", attempt).hasSize(1);
                assertThat(orders.get(0)).containsEntry("id", id).containsEntry("car", attempt.carId());
            } else {
                refused++;
                if (!orders.isEmpty()) {
                    Reply replay = Shop.placeOrder(client, attempt.body(), attempt.key());
                    report.fact("order stored although the client got %s; replay: %s", attempt.reply().outcome(), replay);
                    assertThat(replay.status()).as("replay of an unknown outcome").isEqualTo(201);
                    assertThat(replay.json().path("data").path("id").asString()).isEqualTo(orders.get(0).get("id"));
                    replayed++;
                }
            }
        }
        List<Map<String, Object>> inconsistent = database.query("""
                SELECT c.id, c.status, count(o.id) FILTER (WHERE o.status IN ('PENDING_PAYMENT', 'PAID')) AS live
                FROM cars c JOIN orders o ON o.car_id = c.id
                GROUP BY c.id, c.status
                HAVING count(o.id) FILTER (WHERE o.status IN ('PENDING_PAYMENT', 'PAID')) <> 1
                    OR c.status <> 'RESERVED'""");
        long ordersInDatabase = database.count("SELECT count(*) FROM orders");
        report.fact("orders audited: %d answered 201, %d refused (%d stored anyway and replayed), %d in the database",
                created, refused, replayed, ordersInDatabase);
        assertThat(inconsistent).as("cars whose status does not match their orders").isEmpty();
        assertThat(ordersInDatabase).as("no order the client never heard of").isEqualTo(created + replayed);
        assertThat(created).as("orders were placed before and after the outage").isPositive();
    }
}
