package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.bootstrap.process.CarmarketProcess;
import dev.carmarket.bootstrap.process.ReplicatedPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Read replicas (DATABASE_READ_URL) with a real primary and streaming replica of the test's own:
 * searches and details are served by the replica, as its own statistics show; a reservation reaches
 * search within the lag bound; paused replay past the bound moves reads to the primary and back; a
 * replica stopped under load costs no request, readiness stays 200 listing it DOWN, and it is used
 * again once restarted, without restarting the service.
 */
class ReadReplicasIT {

    private static final Form FORM = Form.current();
    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    /** The lag bound, one check interval (1 s), and a busy 2-core machine's slack. */
    private static final Duration NOTICED = MAX_LAG.plusSeconds(4);
    private static final int CARS = 2_000;
    private static final List<String> READS = List.of("/car-details/search?limit=20",
            "/car-details/search?fuelType=DIESEL&sort=price_desc", "/car-details/search?make=Volkswagen&model=Golf",
            "/car-details/search?yearMin=2015&priceMax=30000&page=2", "/car-details/search?bodyType=SUV&sort=year_asc");
    private static final Pattern FALLBACKS = Pattern.compile("(?m)^db_replica_fallback_reads_total\\{reason=\"(\\w+)\"[^}]*} ([0-9.eE+]+)$");

    private final Report report = new Report("read replicas");
    private volatile String phase = "before";

    @Test
    void readsGoToTheReplicaWithinTheLagBoundAndToThePrimaryWhenItCannotServe() {
        try (ReplicatedPostgres cluster = ReplicatedPostgres.start()) {
            int port = CarmarketProcess.freePort();
            Map<String, String> environment = ServiceProcess.environment(port, cluster.primaryUrl(),
                    Map.of("DATABASE_READ_URL", cluster.replicaUrl(), "DATABASE_READ_MAX_LAG", MAX_LAG.toSeconds() + "s"));
            ServiceProcess.seed(environment, CARS);
            preflightNamesTheReplica(environment, cluster);
            try (ServiceProcess service = ServiceProcess.start("replicas", environment)) {
                service.awaitReady(Duration.ofSeconds(90));
                Client client = new Client(port);
                assertThat(Load.eventually(() -> replicaState(client, cluster).equals("UP"), NOTICED)).isTrue();
                List<String> cars = Shop.availableCars(client, 3);

                servedByTheReplica(client, cluster);
                aReservationReachesSearchWithinTheBound(client, cars.get(0));
                pausedReplayMovesReadsToThePrimaryAndBack(client, cluster, cars.get(1));
                aStoppedReplicaCostsNoRequest(client, cluster, port);
            }
        } finally {
            report.print();
        }
    }

    private void preflightNamesTheReplica(Map<String, String> environment, ReplicatedPostgres cluster) {
        try (CarmarketProcess preflight = CarmarketProcess.start(environment, "--preflight")) {
            assertThat(preflight.awaitExit(Duration.ofSeconds(60))).as("stderr: %s", preflight.stderr()).isZero();
            assertThat(preflight.stdout()).contains("read replica " + cluster.replicaName() + " in recovery, replay lag");
        }
    }

    private void servedByTheReplica(Client client, ReplicatedPostgres cluster) {
        long replicaBefore = cluster.replicaScans("cars");
        long primaryBefore = cluster.primaryScans("cars");
        int reads = 50;
        for (int i = 0; i < reads; i++) {
            assertThat(client.get(READS.get(i % READS.size())).status()).isEqualTo(200);
        }
        assertThat(Load.eventually(() -> cluster.replicaScans("cars") - replicaBefore >= reads, Duration.ofSeconds(5)))
                .as("the replica's own pg_stat_user_tables counts the searches").isTrue();
        long onPrimary = cluster.primaryScans("cars") - primaryBefore;
        report.fact("%d searches: replica cars scans +%d, primary +%d", reads,
                cluster.replicaScans("cars") - replicaBefore, onPrimary);
        assertThat(onPrimary).as("scans of cars on the primary during %d searches", reads).isLessThan(5);
    }

    private void aReservationReachesSearchWithinTheBound(Client client, String carId) {
        long placedAt = System.nanoTime();
        assertThat(order(client, carId).status()).isEqualTo(201);
        assertThat(Load.eventually(() -> reserved(client, carId), MAX_LAG))
                .as("car %s RESERVED in details and gone from search within %s", carId, MAX_LAG).isTrue();
        report.fact("a reservation reached the replica's reads after %d ms", (System.nanoTime() - placedAt) / 1_000_000);
    }

    private void pausedReplayMovesReadsToThePrimaryAndBack(Client client, ReplicatedPostgres cluster, String carId) {
        cluster.pauseReplay();
        long pausedAt = System.nanoTime();
        assertThat(order(client, carId).status()).isEqualTo(201);
        assertThat(Load.eventually(() -> replicaState(client, cluster).equals("LAGGING"), NOTICED))
                .as("readiness lists the paused replica LAGGING").isTrue();
        assertThat(client.ready().status()).isEqualTo(200);
        assertThat(reserved(client, carId)).as("reads now come from the primary").isTrue();
        report.fact("replay paused: LAGGING and reads on the primary after %d ms", (System.nanoTime() - pausedAt) / 1_000_000);
        assertReadsLandOn(client, cluster, false);

        cluster.resumeReplay();
        assertThat(Load.eventually(() -> replicaState(client, cluster).equals("UP"), NOTICED)).isTrue();
        assertReadsLandOn(client, cluster, true);
    }

    private void aStoppedReplicaCostsNoRequest(Client client, ReplicatedPostgres cluster, int port) {
        Load.run(FORM.loadWorkers() / 2, worker -> report.count(phase, read(client)), healthy -> {
            Pause.of(Duration.ofSeconds(2));
            phase = "replica stopped";
            cluster.stopReplica();
            assertThat(Load.eventually(() -> replicaState(client, cluster).equals("DOWN"), NOTICED)).isTrue();
            assertThat(client.ready().status()).as("readiness stays 200 without the replica").isEqualTo(200);
            Pause.of(Duration.ofSeconds(3));
            phase = "replica restarted";
            cluster.startReplica();
            assertThat(Load.eventually(() -> replicaState(client, cluster).equals("UP"), NOTICED)).isTrue();
            Pause.of(Duration.ofSeconds(2));
        }, Duration.ofSeconds(30));
        for (String each : List.of("before", "replica stopped", "replica restarted")) {
            assertThat(report.tally(each)).as("outcomes %s", each).containsOnlyKeys("200");
        }
        Map<String, Double> fallbacks = fallbacks(port);
        report.fact("reads the primary answered for the replica: %s", fallbacks);
        assertThat(fallbacks.get("no_replica_usable")).as("db_replica_fallback_reads_total").isPositive();
        assertReadsLandOn(client, cluster, true);
    }

    /** Twenty reads, all counted by one server's statistics and none by the other's. */
    private void assertReadsLandOn(Client client, ReplicatedPostgres cluster, boolean replica) {
        Pause.of(Duration.ofMillis(1500)); // earlier reads' statistics reach the view
        long replicaBefore = cluster.replicaScans("cars");
        long primaryBefore = cluster.primaryScans("cars");
        for (int i = 0; i < 20; i++) {
            assertThat(read(client).status()).isEqualTo(200);
        }
        long expected = replica ? replicaBefore : primaryBefore;
        assertThat(Load.eventually(() -> (replica ? cluster.replicaScans("cars") : cluster.primaryScans("cars"))
                - expected >= 20, Duration.ofSeconds(5))).as("reads on the %s", replica ? "replica" : "primary").isTrue();
        long other = replica ? cluster.primaryScans("cars") - primaryBefore : cluster.replicaScans("cars") - replicaBefore;
        assertThat(other).as("scans on the %s", replica ? "primary" : "replica").isLessThan(3);
    }

    private static Reply read(Client client) {
        return client.get(READS.get(ThreadLocalRandom.current().nextInt(READS.size())));
    }

    private static Reply order(Client client, String carId) {
        return Shop.placeOrder(client, Shop.orderBody(carId, Shop.uniqueEmail()), UUID.randomUUID().toString());
    }

    /** RESERVED in details, and no longer among the AVAILABLE cars of its search. */
    private static boolean reserved(Client client, String carId) {
        JsonNode car = client.get("/car-details/" + carId).json().path("data");
        String search = "/car-details/search?limit=100&make=" + encode(car.path("make").asString()) + "&model="
                + encode(car.path("model").asString());
        return car.path("status").asString().equals("RESERVED") && !client.get(search).body().contains(carId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String replicaState(Client client, ReplicatedPostgres cluster) {
        return client.ready().json().path("replicas").path(cluster.replicaName()).path("status").asString();
    }

    private static Map<String, Double> fallbacks(int port) {
        Reply metrics = new Client(port).send("GET", "/metrics", (String) null,
                Map.of("Authorization", "Bearer " + ServiceProcess.INTERNAL_TOKEN));
        Map<String, Double> counts = new TreeMap<>();
        Matcher series = FALLBACKS.matcher(metrics.body());
        while (series.find()) {
            counts.put(series.group(1), Double.parseDouble(series.group(2)));
        }
        return counts;
    }
}
