package dev.carmarket.ports.out.payment;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Remembers provider event ids so each event changes state at most once. */
public interface ProcessedEventStore {

    /**
     * Records the event id. Atomic across instances; inside a transaction the record
     * disappears if the transaction rolls back.
     *
     * @return true if this call recorded it first; false if it was already recorded
     */
    Mono<Boolean> markProcessed(String eventId, Instant processedAt);
}
