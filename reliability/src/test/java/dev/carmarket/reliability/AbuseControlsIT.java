package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The abuse controls at their defaults (ORDER_QUOTA customer=2,client=5; RATE_LIMITS reads=40/s:200, ...; the
 * nginx example's limit_req zones), as the public meets them: two production instances behind the real nginx
 * on one PostgreSQL, each client on its own loopback source address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseControlsIT {

    private static final int CUSTOMER_QUOTA = 2;
    private static final int CLIENT_QUOTA = 5;
    private static final int READ_RATE_PER_SECOND = 40;
    private static final String QUOTA_MESSAGE = "Too many active reservations";
    private static final Pattern QUOTA_METRIC =
            Pattern.compile("(?m)^order_quota_rejections_total\\{[^}]*reason=\"(customer|client)\"[^}]*} ([0-9.]+)$");

    private final StartedProcesses started = new StartedProcesses();
    private final List<ServiceProcess> instances = new ArrayList<>();
    private Postgres database;
    private Nginx nginx;
    private Queue<String> freeCars;

    @BeforeAll
    void startTwoInstancesBehindNginxWithTheDefaultLimits() {
        database = Postgres.createDatabase();
        started.add(database);
        List<Integer> ports = List.of(CarmarketProcess.freePort(), CarmarketProcess.freePort());
        ServiceProcess.seed(environment(ports.get(0)), 200);
        for (int i = 0; i < ports.size(); i++) {
            ServiceProcess instance = ServiceProcess.start("abuse-" + (i + 1), environment(ports.get(i)));
            started.add(instance);
            instances.add(instance.awaitReady(Duration.ofSeconds(90)));
        }
        nginx = Nginx.withEdgeLimitsInFrontOf(ports);
        started.add(nginx);
        freeCars = new ConcurrentLinkedQueue<>(Shop.availableCars(new Client(nginx.port()), 60));
    }

    /** The production environment with the abuse controls left at their defaults. */
    private Map<String, String> environment(int port) {
        Map<String, String> environment = new HashMap<>(
                ServiceProcess.environment(port, database.serviceUrl(Postgres.PORT), Map.of()));
        environment.remove("RATE_LIMITS");
        environment.remove("ORDER_QUOTA");
        return environment;
    }

    @AfterAll
    void stopEverything() {
        started.close();
    }

    @Test
    @Order(1)
    void aHoarderOnOneAddressWithANewEmailPerOrderHoldsAtMostTheClientQuota() {
        Report report = new Report("abuse: one address, a new email per order, 20 cars");
        try {
            SourceAddressClient hoarder = new SourceAddressClient("127.0.0.11", nginx.port());
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(report.count("orders", hoarder.postJson("/orders",
                        Shop.orderBody(freeCars.poll(), "hoarder-" + run + "-" + i + "@example.com"),
                        Map.of("Idempotency-Key", "hoard-" + run + "-" + i))));
            }

            assertThat(report.tally("orders")).isEqualTo(Map.of("201", (long) CLIENT_QUOTA, "429", 20L - CLIENT_QUOTA));
            assertQuotaRefusals(replies);
            assertThat(database.count("SELECT count(*) FROM orders WHERE customer_email LIKE ?", "hoarder-" + run + "-%"))
                    .isEqualTo(CLIENT_QUOTA);
            assertThat(database.count("SELECT count(*) FROM orders WHERE client_network = '127.0.0.11'")).isEqualTo(CLIENT_QUOTA);
            assertThat(database.count("SELECT count(*) FROM idempotency_keys WHERE key LIKE ?", "hoard-" + run + "-%"))
                    .isEqualTo(CLIENT_QUOTA);
            report.fact("audit: %d orders, %d idempotency keys for the hoarder; refused orders stored nothing",
                    CLIENT_QUOTA, CLIENT_QUOTA);
        } finally {
            report.print();
        }
    }

    @Test
    @Order(2)
    void oneEmailFromManyAddressesHoldsAtMostTheCustomerQuota() {
        Report report = new Report("abuse: one email from 10 addresses");
        try {
            String email = "Many.Addresses-" + UUID.randomUUID() + "@Example.com";
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                SourceAddressClient address = new SourceAddressClient("127.0.0." + (21 + i), nginx.port());
                replies.add(report.count("orders", address.postJson("/orders", Shop.orderBody(freeCars.poll(), email),
                        Map.of())));
            }

            assertThat(report.tally("orders")).isEqualTo(Map.of("201", (long) CUSTOMER_QUOTA, "429", 10L - CUSTOMER_QUOTA));
            assertQuotaRefusals(replies);
            assertThat(database.count("SELECT count(*) FROM orders WHERE reservation_customer = lower(?)", email))
                    .isEqualTo(CUSTOMER_QUOTA);
            assertThat(quotaRejectionsOnAllInstances())
                    .isEqualTo(Map.of("customer", 10.0 - CUSTOMER_QUOTA, "client", 20.0 - CLIENT_QUOTA));
            report.fact("audit: %d orders for the email; order_quota_rejections_total on both instances: %s",
                    CUSTOMER_QUOTA, quotaRejectionsOnAllInstances());
        } finally {
            report.print();
        }
    }

    /**
     * The scraper reads at ten times its rate for ten seconds while a shopper on another address buys a car. The
     * first seconds spend the read burst (200) on instances just started, whose cold JIT serves about 100 reads
     * a second on two cores; then the edge refuses the excess at once.
     */
    @Test
    @Order(3)
    void aScraperAtTenTimesItsReadRateIsRefusedWhileAShopperBuysUndisturbed() {
        Report report = new Report("abuse: scraper at 10x the read rate, shopper alongside");
        try {
            SourceAddressClient scraper = new SourceAddressClient("127.0.0.41", nginx.port());
            Queue<Reply> limited = new ConcurrentLinkedQueue<>();
            Queue<Reply> served = new ConcurrentLinkedQueue<>();
            int workers = 16;
            Duration pace = Duration.ofNanos(Duration.ofSeconds(1).toNanos() * workers / (10L * READ_RATE_PER_SECOND));
            Duration window = Duration.ofSeconds(10);
            long end = System.nanoTime() + window.toNanos();
            Load.run(workers, worker -> {
                long next = System.nanoTime() + pace.toNanos();
                Reply reply = report.count("scraper", scraper.get("/car-details/search?limit=1&page=" + (1 + worker)));
                (reply.status() == 429 ? limited : served).add(reply);
                Pause.of(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            }, healthy -> {
                shopperBuysACar(report);
                while (healthy.getAsBoolean() && System.nanoTime() < end) {
                    Pause.of(Duration.ofMillis(50));
                }
            }, Duration.ofSeconds(30));

            report.fact("scraper: %d requests in %d s (%d/s), %d refused", report.total("scraper"), window.toSeconds(),
                    report.total("scraper") / window.toSeconds(), limited.size());
            report.fact("scraper: served reads took %d ms at the median", served.stream()
                    .mapToLong(reply -> reply.took().toMillis()).sorted().skip(served.size() / 2).findFirst().orElse(0));
            assertThat(report.total("scraper")).as("the scraper reached several times its rate")
                    .isGreaterThan(5L * READ_RATE_PER_SECOND);
            assertThat(report.tally("scraper").keySet()).containsOnly("200", "429");
            assertThat(limited).as("the scraper is refused").isNotEmpty().allSatisfy(reply -> {
                assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty();
                assertThat(reply.json().path("message").asString()).isEqualTo("Too many requests");
                assertThat(reply.header("Retry-After")).as("Retry-After").isPresent();
                assertThat(reply.header("RateLimit").orElse("")).startsWith("\"reads\";r=0;");
                assertThat(reply.header("RateLimit-Policy").orElse("")).startsWith("\"reads\";q=");
            });
            assertThat(served).allSatisfy(reply -> assertThat(reply.header("RateLimit").orElse(""))
                    .as("a served read tells the client its budget").matches("\"reads\";r=\\d+;t=\\d+"));
            assertThat(report.tally("shopper").keySet()).as("the shopper sees only successes").containsOnly("200", "201");
        } finally {
            report.print();
        }
    }

    /** Search, details, an order, its payment, the provider's webhook, and the order PAID. */
    private void shopperBuysACar(Report report) {
        SourceAddressClient shopper = new SourceAddressClient("127.0.0.42", nginx.port());
        SourceAddressClient provider = new SourceAddressClient("127.0.0.43", nginx.port());
        String carId = freeCars.poll();
        report.count("shopper", shopper.get("/car-details/search?make=Volkswagen&limit=5"));
        report.count("shopper", shopper.get("/car-details/" + carId));
        Reply order = report.count("shopper", shopper.postJson("/orders", Shop.orderBody(carId, Shop.uniqueEmail()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        String orderId = order.json().path("data").path("id").asString();
        Reply payment = report.count("shopper", shopper.postJson("/payments",
                "{\"orderId\":\"" + orderId + "\",\"method\":\"CARD\"}", Map.of()));
        JsonNode started = payment.json().path("data");
        String event = Shop.webhookBody("evt_" + UUID.randomUUID(), "payment.succeeded", started);
        report.count("shopper", provider.postJson("/payments/webhook", event, Map.of("X-Signature",
                Shop.signature(event, Shop.nowSeconds(), ServiceProcess.WEBHOOK_SECRET))));
        Reply paid = report.count("shopper", shopper.get("/orders/" + orderId));
        assertThat(paid.json().path("data").path("status").asString()).isEqualTo("PAID");
    }

    private static void assertQuotaRefusals(List<Reply> replies) {
        replies.stream().filter(reply -> reply.status() == 429).forEach(reply -> {
            assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty();
            assertThat(reply.json().path("message").asString()).isEqualTo(QUOTA_MESSAGE);
            // The oldest reservation expires ORDER_TTL (30 minutes) after it was placed.
            assertThat(Long.parseLong(reply.header("Retry-After").orElseThrow())).isBetween(1_700L, 1_800L);
        });
    }

    /** order_quota_rejections_total by reason, summed over both instances' /metrics. */
    private Map<String, Double> quotaRejectionsOnAllInstances() {
        Map<String, Double> sums = new TreeMap<>();
        for (ServiceProcess instance : instances) {
            Reply metrics = new Client(instance.port()).send("GET", "/metrics", (String) null,
                    Map.of("Authorization", "Bearer " + ServiceProcess.INTERNAL_TOKEN));
            Matcher series = QUOTA_METRIC.matcher(metrics.body());
            while (series.find()) {
                sums.merge(series.group(1), Double.parseDouble(series.group(2)), Double::sum);
            }
        }
        return sums;
    }
}
