package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    /** server.max-http-request-header-size of the service. */
    private static final int HEADER_LIMIT_BYTES = 16 * 1024;
    /**
     * At most this share of the over-limit header requests may end without an answer (see below). Measured: the
     * JDK client loses 2-3 % of them on pooled connections at 64 concurrent requests; curl and raw sockets, 0 %.
     */
    private static final double MAX_UNANSWERED_OVERSIZED_SHARE = 0.05;

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
                AtomicInteger unansweredOversized = new AtomicInteger();

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
                    if (reply.status() == 0 && exceedsHeaderLimit(request)) {
                        // Refused after 16 KiB, the rest of the headers unread: closing a connection with unread
                        // bytes makes TCP send a reset, which may discard the 431 before the client reads it.
                        // The client then sees a reset or (the JDK client, rarely) nothing until its timeout.
                        // Counted, bounded below, and never a server fault; nginx answers these in production.
                        unansweredOversized.incrementAndGet();
                        return;
                    }
                    List<String> problems = Envelope.problems(reply);
                    boolean allowed = REJECTIONS.contains(reply.status()) || (!request.mutates() && reply.status() == 200);
                    if (!allowed || !problems.isEmpty()) {
                        violations.add(request.mutation() + " " + request.method() + " " + abbreviate(request.path()) + " -> "
                                + reply + " " + problems);
                    }
                }, healthy -> Load.eventually(() -> remaining.get() <= 0 || !healthy.getAsBoolean(), Duration.ofMinutes(5)),
                        Duration.ofSeconds(60));

                long oversized = report.tally("fuzz by mutation").entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("oversized header")).mapToLong(Map.Entry::getValue).sum();
                report.fact("oversized headers refused without a readable answer (connection reset): %d of %d",
                        unansweredOversized.get(), oversized);
                report.fact("violations: %d", violations.size());
                violations.stream().limit(5).forEach(violation -> report.fact("  %s", violation));
                String after = database.snapshot();
                report.fact("database before and after: %s", before.equals(after) ? "identical " + after : before + " -> " + after);
                assertThat(report.total("fuzz")).isGreaterThanOrEqualTo(FORM.fuzzRequests());
                assertThat(violations).as("answers outside the contract").isEmpty();
                assertThat(unansweredOversized.get()).as("oversized-header requests without an answer")
                        .isLessThanOrEqualTo((int) (oversized * MAX_UNANSWERED_OVERSIZED_SHARE));
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

    private static boolean exceedsHeaderLimit(HostileRequests.Request request) {
        return request.headers().entrySet().stream()
                .mapToInt(header -> header.getKey().length() + header.getValue().length()).sum() > HEADER_LIMIT_BYTES;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
