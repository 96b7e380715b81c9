package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, hostile input: {@link Form#fuzzRequests()} generated hostile requests over every route at high
 * concurrency. No 5xx, every answer an envelope of the right status family, the service healthy afterwards
 * and the data unchanged (no generated request can legitimately change any).
 */
class HostileInputIT {

    private static final Form FORM = Form.current();
    private static final long SEED = Long.getLong("reliability.seed", System.currentTimeMillis());
    /** What a rejected request may answer; 200 only for reads (a search whose bad parameters are ignored). */
    private static final Set<Integer> REJECTIONS = Set.of(400, 401, 404, 405, 413, 415, 422, 431);

    private final Report report = new Report("hostile input (seed " + SEED + ")");

    @Test
    void noHostileRequestBreaksTheServiceOrChangesData() {
        try (Postgres database = Postgres.createDatabase()) {
            try (ServiceProcess service = ServiceProcess.startSeeded("fuzz", database, 200)) {
                int port = service.port();
                Client client = new Client(port);
                String before = database.snapshot();
                HostileRequests generator = new HostileRequests(SEED);
                Queue<String> violations = new ConcurrentLinkedQueue<>();
                AtomicInteger remaining = new AtomicInteger(FORM.fuzzRequests());

                Load.run(FORM.fuzzConcurrency(), worker -> {
                    if (remaining.getAndDecrement() <= 0) {
                        Pause.of(Duration.ofMillis(20));
                        return;
                    }
                    HostileRequests.Request request;
                    synchronized (generator) {
                        request = generator.next();
                    }
                    Reply reply = client.send(request.method(), request.path(), request.body(), request.headers());
                    report.count("fuzz", reply);
                    report.count("fuzz by mutation", request.mutation() + " " + reply.outcome());
                    List<String> problems = Envelope.problems(reply);
                    boolean allowed = REJECTIONS.contains(reply.status()) || (!request.mutates() && reply.status() == 200);
                    if (!allowed || !problems.isEmpty()) {
                        violations.add(request.mutation() + " " + request.method() + " " + abbreviate(request.path()) + " -> "
                                + reply + " " + problems);
                    }
                }, healthy -> Load.eventually(() -> remaining.get() <= 0 || !healthy.getAsBoolean(), Duration.ofMinutes(5)),
                        Duration.ofSeconds(60));

                report.fact("violations: %d", violations.size());
                violations.stream().limit(5).forEach(violation -> report.fact("  %s", violation));
                String after = database.snapshot();
                report.fact("database before and after: %s", before.equals(after) ? "identical " + after : before + " -> " + after);
                assertThat(report.total("fuzz")).isGreaterThanOrEqualTo(FORM.fuzzRequests());
                assertThat(violations).as("answers outside the contract").isEmpty();
                assertThat(after).as("rejected requests changed no data").isEqualTo(before);
                assertThat(client.get("/health/live").status()).isEqualTo(200);
                assertThat(client.ready().status()).isEqualTo(200);
                List<String> cars = Shop.availableCars(client, 1);
                Reply order = Shop.placeOrder(client, Shop.orderBody(cars.get(0), Shop.uniqueEmail()), "after-fuzz");
                assertThat(order.status()).as("a valid order after the fuzz run: %s", order).isEqualTo(201);
                assertThat(service.isAlive()).isTrue();
            } finally {
                report.print();
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
