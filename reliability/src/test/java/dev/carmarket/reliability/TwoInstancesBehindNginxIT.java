package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10, two instances behind nginx on loopback sharing one database: a race for one car, idempotent
 * replays across instances, order expiry running on both, and a SIGTERM of one instance under load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesBehindNginxIT {

    private static final Form FORM = Form.current();
    /** Short enough to watch expiry happen, long enough for the race and replays to finish first. */
    private static final Duration ORDER_TTL = Duration.ofSeconds(15);
    private static final Pattern EXPIRED_LOG = Pattern.compile("Expired (\\d+) unpaid order");

    private final StartedProcesses started = new StartedProcesses();
    private Postgres database;
    private final ServiceProcess[] instances = new ServiceProcess[2];
    private Nginx nginx;
    private Client viaNginx;
    private Queue<String> freeCars;

    @BeforeAll
    void startTwoInstancesAndNginx() {
        database = Postgres.createDatabase();
        started.add(database);
        int[] ports = {CarmarketProcess.freePort(), CarmarketProcess.freePort()};
        ServiceProcess.seed(environment(ports[0]), 600);
        for (int i = 0; i < 2; i++) {
            instances[i] = startInstance(i, ports[i]);
        }
        nginx = Nginx.inFrontOf(List.of(ports[0], ports[1]));
        started.add(nginx);
        viaNginx = new Client(nginx.port());
        freeCars = new ConcurrentLinkedQueue<>(Shop.availableCars(viaNginx, 400));
    }

    @AfterAll
    void stopEverything() {
        started.close();
    }

    @Test
    @Order(1)
    void hundredConcurrentOrdersForOneCarYieldExactlyOne201() {
        Report report = new Report("two instances: 100 concurrent orders for one car");
        try {
            String carId = freeCars.poll();
            int before = nginx.accessLog().size();
            List<Callable<Reply>> orders = IntStream.range(0, 100).<Callable<Reply>>mapToObj(i -> () -> report.count("orders",
                    Shop.placeOrder(viaNginx, Shop.orderBody(carId, Shop.uniqueEmail()), UUID.randomUUID().toString())))
                    .toList();
            List<Reply> replies = Load.all(100, orders, Duration.ofSeconds(60));

            Set<String> upstreams = nginx.accessLog().stream().skip(before).map(Nginx::upstreamOf).collect(Collectors.toSet());
            report.fact("upstreams that served the race: %s", upstreams);
            assertThat(report.tally("orders")).isEqualTo(Map.of("201", 1L, "409", 99L));
            replies.forEach(reply -> assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty());
            assertThat(upstreams).as("the race was spread over both instances").hasSize(2);
            assertThat(database.count("SELECT count(*) FROM orders WHERE car_id = ?::uuid", carId)).isEqualTo(1);
            assertThat(database.query("SELECT status FROM cars WHERE id = ?::uuid", carId).get(0)).containsEntry("status", "RESERVED");
            report.fact("orders audited: 1 order for the car, car RESERVED");
        } finally {
            report.print();
        }
    }

    @Test
    @Order(2)
    void idempotentReplaysAcrossInstancesReturnTheSameOrder() {
        Report report = new Report("two instances: idempotent replays across instances");
        try {
            String key = UUID.randomUUID().toString();
            String body = Shop.orderBody(freeCars.poll(), Shop.uniqueEmail());
            // The first delivery races itself on both instances directly and through nginx.
            List<Client> targets = List.of(new Client(instances[0].port()), new Client(instances[1].port()), viaNginx);
            List<Callable<Reply>> sends = IntStream.range(0, 30).<Callable<Reply>>mapToObj(i ->
                    () -> report.count("concurrent first use", Shop.placeOrder(targets.get(i % 3), body, key))).toList();
            List<Reply> replies = new ArrayList<>(Load.all(30, sends, Duration.ofSeconds(60)));
            for (Client target : targets) {
                replies.add(report.count("replays", Shop.placeOrder(target, body, key)));
            }
            Reply reused = report.count("different body",
                    Shop.placeOrder(viaNginx, Shop.orderBody(freeCars.poll(), Shop.uniqueEmail()), key));

            Set<String> orderIds = replies.stream().filter(reply -> reply.status() == 201)
                    .map(reply -> reply.json().path("data").path("id").asString()).collect(Collectors.toSet());
            long replayed = replies.stream().filter(reply -> reply.header("Idempotent-Replayed").filter("true"::equals).isPresent()).count();
            report.fact("distinct order ids in the 201s: %s; %d answers marked Idempotent-Replayed", orderIds, replayed);
            assertThat(report.tally("replays")).isEqualTo(Map.of("201", 3L));
            assertThat(report.tally("concurrent first use").keySet()).as("a concurrent first use is the order or a conflict")
                    .isSubsetOf("201", "409");
            assertThat(orderIds).hasSize(1);
            assertThat(replayed).isGreaterThanOrEqualTo(3);
            assertThat(reused.status()).isEqualTo(422);
            replies.forEach(reply -> assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty());
            assertThat(database.count("SELECT count(*) FROM orders WHERE id = ?::uuid", orderIds.iterator().next())).isEqualTo(1);
            assertThat(database.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isEqualTo(1);
            report.fact("orders audited: 1 order, 1 idempotency key");
        } finally {
            report.print();
        }
    }

    @Test
    @Order(3)
    void expiryRunningOnBothInstancesExpiresEachOrderOnce() {
        Report report = new Report("two instances: order expiry on both");
        try {
            List<String> cars = IntStream.range(0, 20).mapToObj(i -> freeCars.poll()).toList();
            for (String car : cars) {
                assertThat(report.count("orders", Shop.placeOrder(viaNginx, Shop.orderBody(car, Shop.uniqueEmail()),
                        UUID.randomUUID().toString())).status()).isEqualTo(201);
            }
            boolean allExpired = Load.eventually(
                    () -> database.count("SELECT count(*) FROM orders WHERE status = 'PENDING_PAYMENT'") == 0,
                    ORDER_TTL.plusSeconds(20));
            long expired = database.count("SELECT count(*) FROM orders WHERE status = 'EXPIRED'");
            long logged = expiredInLogs(0) + expiredInLogs(1);
            report.fact("orders audited: %d EXPIRED in the database; logged expiries: instance-1 %d, instance-2 %d",
                    expired, expiredInLogs(0), expiredInLogs(1));
            assertThat(allExpired).as("every pending order expired within TTL + 20 s").isTrue();
            assertThat(logged).as("expiries logged by both instances together = orders expired: each once").isEqualTo(expired);
            assertThat(database.count("SELECT count(*) FROM cars c JOIN orders o ON o.car_id = c.id"
                    + " WHERE o.status = 'EXPIRED' AND c.status <> 'AVAILABLE'")).as("cars of expired orders").isZero();
            assertThat(viaNginx.get("/car-details/" + cars.get(0)).json().path("data").path("status").asString())
                    .isEqualTo("AVAILABLE");
        } finally {
            report.print();
        }
    }

    @Test
    @Order(4)
    void nginxRetriesAKeyedOrderAnInstanceResetOnTheOtherButNeverAnOrderWithoutKey() throws Exception {
        Report report = new Report("two instances: an instance resets orders unread (finding F1)");
        try (ResettingUpstream resetting = ResettingUpstream.start();
                Nginx resetFirst = Nginx.inFrontOf(List.of(resetting.port(), instances[0].port()))) {
            Client client = new Client(resetFirst.port());
            String resetter = "127.0.0.1:" + resetting.port();
            List<Reply> keyed = new ArrayList<>();
            while (resetting.resets() == 0 && keyed.size() < 4) {
                keyed.add(report.count("keyed orders", Shop.placeOrder(client,
                        Shop.orderBody(freeCars.poll(), Shop.uniqueEmail()), UUID.randomUUID().toString())));
            }
            int keyedResets = resetting.resets();
            Reply unkeyed = null;
            String unkeyedCar = null;
            for (int attempt = 0; attempt < 4 && resetting.resets() == keyedResets; attempt++) {
                unkeyedCar = freeCars.poll();
                unkeyed = report.count("orders without key",
                        client.postJson("/orders", Shop.orderBody(unkeyedCar, Shop.uniqueEmail()), Map.of()));
            }
            assertThat(keyedResets).as("a keyed order reached the resetting upstream").isEqualTo(1);
            assertThat(resetting.resets()).as("an order without key reached the resetting upstream").isEqualTo(2);
            String keyedUpstreams = resetFirst.upstreamOfRequest(keyed.get(keyed.size() - 1));
            String unkeyedUpstreams = resetFirst.upstreamOfRequest(unkeyed);
            report.fact("upstreams of the reset keyed order: %s; of the reset order without key: %s",
                    keyedUpstreams, unkeyedUpstreams);

            assertThat(report.tally("keyed orders")).as("every keyed order succeeded").containsOnlyKeys("201");
            assertThat(keyedUpstreams).as("the reset keyed order was retried on the instance")
                    .isEqualTo(resetter + ", 127.0.0.1:" + instances[0].port());
            assertThat(unkeyed.status()).as("nginx did not retry it: %s", unkeyed).isEqualTo(503);
            assertThat(Envelope.problems(unkeyed)).as("%s", unkeyed).isEmpty();
            assertThat(unkeyedUpstreams).as("sent to one upstream only").isEqualTo(resetter);
            assertThat(database.count("SELECT count(*) FROM orders WHERE car_id = ?::uuid", unkeyedCar)).isZero();
            for (Reply order : keyed) {
                assertThat(database.count("SELECT count(*) FROM orders WHERE id = ?::uuid",
                        order.json().path("data").path("id").asString())).isEqualTo(1);
            }
            report.fact("orders audited: %d keyed orders stored once each; the reset order without key stored nowhere",
                    keyed.size());
        } finally {
            report.print();
        }
    }

    @Test
    @Order(5)
    void sigtermOfOneInstanceUnderLoadIsInvisibleToClientsAndPm2BringsItBack() {
        Report report = new Report("two instances: SIGTERM under load, PM2 restarts");
        try {
            // Instance 2 moves under a real PM2 (deploy/ecosystem.config.js), on the same port behind nginx.
            int port = instances[1].port();
            assertThat(instances[1].stop("TERM", Duration.ofSeconds(30))).as("graceful exit status").isZero();
            Pm2Instance supervised = Pm2Instance.start(environment(port), port);
            started.add(supervised);
            report.fact("instance-2 now runs under PM2 as pid %d", supervised.pid().orElseThrow());

            Queue<Reply> orders = new ConcurrentLinkedQueue<>();
            AtomicInteger accessLogAtRestart = new AtomicInteger();
            Load.run(FORM.loadWorkers(), worker -> {
                report.count("through nginx", viaNginx.get("/car-details/search?limit=10&page=" + (worker + 1)));
                String car = freeCars.poll();
                if (car != null) {
                    orders.add(report.count("through nginx", Shop.placeOrder(viaNginx,
                            Shop.orderBody(car, Shop.uniqueEmail()), UUID.randomUUID().toString())));
                }
                Pause.of(Duration.ofMillis(50));
            }, healthy -> {
                Pause.of(FORM.restartTraffic().dividedBy(4));
                long pid = supervised.pid().orElseThrow();
                Duration drained = supervised.terminate(pid, Duration.ofSeconds(30));
                report.fact("instance-2 (pid %d) exited %d ms after SIGTERM", pid, drained.toMillis());
                supervised.awaitServing(Optional.of(pid), Duration.ofSeconds(90));
                accessLogAtRestart.set(nginx.accessLog().size());
                report.fact("PM2 restarted it as pid %d (restarts: %d)", supervised.pid().orElseThrow(),
                        supervised.restarts());
                // nginx marked the instance down while it was away (max_fails) and tries it again only after
                // fail_timeout (10 s): traffic goes on long enough for that.
                Pause.of(FORM.restartTraffic());
            }, Duration.ofSeconds(30));

            List<String> accessLog = nginx.accessLog();
            long servedAfterRestart = accessLog.subList(accessLogAtRestart.get(), accessLog.size()).stream()
                    .filter(line -> line.contains("upstream=127.0.0.1:" + port)).count();
            long retried = accessLog.stream().filter(line -> line.contains(", 127.0.0.1:")).count();
            report.fact("nginx retried %d request(s) on the other instance; the restarted instance served %d;"
                    + " orders audited: %d", retried, servedAfterRestart, orders.size());
            // Finding F1: an order the instance reset as its listener closed is retried on the other one, as its
            // Idempotency-Key allows (test 4), so clients see only answers.
            assertThat(report.tally("through nginx").keySet()).as("clients saw no reset, 502 or 503").isSubsetOf("200", "201");
            for (Reply order : orders) {
                if (order.status() == 201) {
                    assertThat(database.count("SELECT count(*) FROM orders WHERE id = ?::uuid",
                            order.json().path("data").path("id").asString())).isEqualTo(1);
                }
            }
            assertThat(supervised.log()).as("the instance drained on SIGTERM").contains("Shutting down: readiness is DOWN");
            assertThat(supervised.restarts()).as("PM2 restarted it once").isEqualTo(1);
            assertThat(servedAfterRestart).as("the restarted instance serves through nginx again").isPositive();
        } finally {
            report.print();
        }
    }

    private long expiredInLogs(int instance) {
        Matcher matcher = EXPIRED_LOG.matcher(instances[instance].log());
        long total = 0;
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }

    private ServiceProcess startInstance(int index, int port) {
        ServiceProcess instance = ServiceProcess.start("instance-" + (index + 1), environment(port));
        started.add(instance);
        return instance.awaitReady(Duration.ofSeconds(90));
    }

    private Map<String, String> environment(int port) {
        return ServiceProcess.environment(port, database.serviceUrl(Postgres.PORT),
                Map.of("ORDER_TTL", ORDER_TTL.toSeconds() + "s", "ORDER_EXPIRY_INTERVAL", "1s"));
    }
}
