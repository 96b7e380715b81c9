package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, webhook storms: one provider event delivered many times at once, many events for one payment
 * at once, a failure after a success, and forged, tampered and stale signatures. State changes exactly
 * once, and only for authentic, fresh events.
 */
class WebhookStormIT {

    private static final Form FORM = Form.current();

    private final Report report = new Report("webhook storms");

    @Test
    void stateChangesExactlyOnceAndOnlyForAuthenticFreshEvents() {
        try (Postgres database = Postgres.createDatabase()) {
            try (ServiceProcess service = ServiceProcess.startSeeded("webhooks", database, 100)) {
                int port = service.port();
                Client client = new Client(port);
                List<String> cars = Shop.availableCars(client, 3);

                JsonNode paid = pendingPayment(client, cars.get(0));
                String event = Shop.webhookBody("evt_" + UUID.randomUUID(), "payment.succeeded", paid);
                storm("same event x" + FORM.webhookCopies(), client, FORM.webhookCopies(), copy -> event);
                assertState(database, paid, "CAPTURED", "PAID", "SOLD");
                assertThat(report.tally("same event x" + FORM.webhookCopies())).containsOnlyKeys("200");

                String failedAfterSucceeded = Shop.webhookBody("evt_" + UUID.randomUUID(), "payment.failed", paid);
                Reply late = report.count("failed after succeeded",
                        Shop.deliverWebhook(client, failedAfterSucceeded, Shop.nowSeconds(), ServiceProcess.WEBHOOK_SECRET));
                assertThat(late.status()).as("%s", late).isIn(200, 409);
                assertState(database, paid, "CAPTURED", "PAID", "SOLD");

                JsonNode racing = pendingPayment(client, cars.get(1));
                storm("distinct events for one payment", client, FORM.webhookCopies(),
                        copy -> Shop.webhookBody("evt_" + UUID.randomUUID(), copy % 2 == 0 ? "payment.succeeded" : "payment.failed", racing));
                String winner = String.valueOf(database.query("SELECT status FROM payments WHERE id = ?::uuid",
                        racing.path("id").asString()).get(0).get("status"));
                report.fact("racing succeeded/failed events for one payment left it %s", winner);
                assertThat(winner).isIn("CAPTURED", "FAILED");
                if (winner.equals("CAPTURED")) {
                    assertState(database, racing, "CAPTURED", "PAID", "SOLD");
                } else {
                    assertState(database, racing, "FAILED", "PENDING_PAYMENT", "RESERVED");
                }

                JsonNode untouched = pendingPayment(client, cars.get(2));
                String genuine = Shop.webhookBody("evt_" + UUID.randomUUID(), "payment.succeeded", untouched);
                long now = Shop.nowSeconds();
                List<Reply> hostile = List.of(
                        Shop.deliverWebhook(client, genuine, now, "forged-secret-0123456789-0123456789-abc"),
                        client.postJson("/payments/webhook", genuine, Map.of()),
                        client.postJson("/payments/webhook", genuine.replace("payment.succeeded", "payment.failed"),
                                Map.of("X-Signature", Shop.signature(genuine, now, ServiceProcess.WEBHOOK_SECRET))),
                        Shop.deliverWebhook(client, genuine, now - 301, ServiceProcess.WEBHOOK_SECRET),
                        // Some seconds past the tolerance ahead: the service reads its clock after the client did,
                        // so a t only 301 s ahead can arrive 300 s ahead, which is inside (a CI run saw it).
                        Shop.deliverWebhook(client, genuine, Shop.nowSeconds() + 305, ServiceProcess.WEBHOOK_SECRET),
                        client.postJson("/payments/webhook", genuine, Map.of("X-Signature", "t=" + now + ",v1=00")),
                        client.postJson("/payments/webhook", genuine, Map.of("X-Signature", "garbage")),
                        // A delivery captured earlier (first storm's event and signature) replayed for another payment.
                        client.postJson("/payments/webhook", genuine,
                                Map.of("X-Signature", Shop.signature(event, now, ServiceProcess.WEBHOOK_SECRET))));
                hostile.forEach(reply -> report.count("forged, tampered, stale", reply));
                assertThat(report.tally("forged, tampered, stale")).containsOnlyKeys("401");
                hostile.forEach(reply -> assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty());
                Reply wrongAmount = report.count("wrong amount", Shop.deliverWebhook(client,
                        genuine.replace("\"amount\":" + untouched.path("amount").asString(), "\"amount\":1.00"),
                        now, ServiceProcess.WEBHOOK_SECRET));
                assertThat(wrongAmount.status()).as("%s", wrongAmount).isEqualTo(422);
                assertState(database, untouched, "PENDING", "PENDING_PAYMENT", "RESERVED");

                long events = database.count("SELECT count(*) FROM processed_payment_events");
                report.fact("orders audited: 3 orders, 3 payments; %d provider events recorded", events);
            } finally {
                report.print();
            }
        }
    }

    /** Delivers {@code copies} events at once, each freshly signed; every answer must be an envelope. */
    private void storm(String phase, Client client, int copies, IntFunction<String> bodyOf) {
        List<Callable<Reply>> deliveries = IntStream.range(0, copies).<Callable<Reply>>mapToObj(copy -> () -> report.count(phase,
                Shop.deliverWebhook(client, bodyOf.apply(copy), Shop.nowSeconds(), ServiceProcess.WEBHOOK_SECRET))).toList();
        Load.all(copies, deliveries, Duration.ofSeconds(60))
                .forEach(reply -> assertThat(Envelope.problems(reply)).as("%s", reply).isEmpty());
        assertThat(report.tally(phase).keySet()).as("%s: no 5xx", phase).allMatch(status -> status.startsWith("2") || status.startsWith("4"));
    }

    private JsonNode pendingPayment(Client client, String carId) {
        Reply order = report.count("setup", Shop.placeOrder(client, Shop.orderBody(carId, Shop.uniqueEmail()), UUID.randomUUID().toString()));
        assertThat(order.status()).as("%s", order).isEqualTo(201);
        Reply payment = report.count("setup", Shop.startPayment(client, order.json().path("data").path("id").asString()));
        assertThat(payment.status()).as("%s", payment).isEqualTo(201);
        return payment.json().path("data");
    }

    private static void assertState(Postgres database, JsonNode payment, String paymentStatus, String orderStatus, String carStatus) {
        Map<String, Object> row = database.query("""
                SELECT p.status AS payment, o.status AS "order", c.status AS car,
                       (SELECT count(*) FROM payments q WHERE q.order_id = o.id AND q.status <> 'FAILED') AS active
                FROM payments p JOIN orders o ON o.id = p.order_id JOIN cars c ON c.id = o.car_id
                WHERE p.id = ?::uuid""", payment.path("id").asString()).get(0);
        assertThat(row).containsEntry("payment", paymentStatus).containsEntry("order", orderStatus).containsEntry("car", carStatus);
        assertThat(((Number) row.get("active")).longValue()).isLessThanOrEqualTo(1);
    }
}
