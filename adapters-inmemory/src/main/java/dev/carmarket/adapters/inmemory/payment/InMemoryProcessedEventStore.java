package dev.carmarket.adapters.inmemory.payment;

import dev.carmarket.adapters.inmemory.transaction.InMemoryTransactionRunner;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Provider event ids already applied, with when. */
public final class InMemoryProcessedEventStore implements ProcessedEventStore {

    private final InMemoryTransactionRunner transactions;
    private final Map<String, Instant> processedAt = new ConcurrentHashMap<>();

    public InMemoryProcessedEventStore(InMemoryTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<Boolean> markProcessed(String eventId, Instant at) {
        return transactions.execute(undo -> {
            if (processedAt.containsKey(eventId)) {
                return false;
            }
            undo.put(processedAt, eventId, at);
            return true;
        });
    }
}
