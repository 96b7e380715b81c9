package dev.carmarket.adapters.r2dbc.payment;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link ProcessedEventStore} on PostgreSQL: an insert that does nothing on a duplicate event id.
 * A concurrent insert of the same id waits for the other transaction and then does nothing (it
 * committed) or inserts (it rolled back), so each event is recorded first exactly once.
 */
public final class R2dbcProcessedEventStore implements ProcessedEventStore {

    private final DatabaseClient client;
    private final StoreCalls calls;

    public R2dbcProcessedEventStore(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Mono<Boolean> markProcessed(String eventId, Instant processedAt) {
        return calls.mono("payment_event.mark_processed", client.sql("INSERT INTO processed_payment_events (event_id, processed_at)"
                        + " VALUES (:eventId, :processedAt) ON CONFLICT (event_id) DO NOTHING")
                .bind("eventId", eventId)
                .bind("processedAt", processedAt)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1));
    }
}
