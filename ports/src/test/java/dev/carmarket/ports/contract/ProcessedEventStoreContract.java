package dev.carmarket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import dev.carmarket.ports.testing.Concurrently;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** What every {@link ProcessedEventStore} guarantees. Subclass it with a fresh, empty store per test. */
@Timeout(30)
public abstract class ProcessedEventStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    protected abstract ProcessedEventStore processedEvents();

    /** Transactions of the same store. */
    protected abstract TransactionRunner transactions();

    @Test
    void onlyTheFirstMarkOfAnEventIdCounts() {
        StepVerifier.create(processedEvents().markProcessed("evt_1", NOW)).expectNext(true).verifyComplete();
        StepVerifier.create(processedEvents().markProcessed("evt_1", NOW.plusSeconds(5))).expectNext(false).verifyComplete();
        StepVerifier.create(processedEvents().markProcessed("evt_2", NOW)).expectNext(true).verifyComplete();
    }

    @Test
    void eventIdsAreCaseSensitive() {
        StepVerifier.create(processedEvents().markProcessed("evt_A", NOW)).expectNext(true).verifyComplete();
        StepVerifier.create(processedEvents().markProcessed("evt_a", NOW)).expectNext(true).verifyComplete();
    }

    @Test
    void ofConcurrentMarksOfOneEventIdExactlyOneIsFirst() {
        StepVerifier.create(Concurrently.run(16, i -> processedEvents().markProcessed("evt_race", NOW)))
                .assertNext(outcomes -> assertThat(outcomes).hasSize(16).containsOnly(true, false)
                        .filteredOn(Boolean.TRUE::equals).hasSize(1))
                .verifyComplete();
    }

    @Test
    void aMarkInARolledBackTransactionDisappears() {
        StepVerifier.create(transactions().inTransaction(() -> processedEvents().markProcessed("evt_1", NOW)
                        .then(Mono.error(new IllegalStateException("handling failed")))))
                .expectErrorMessage("handling failed").verify();

        StepVerifier.create(processedEvents().markProcessed("evt_1", NOW)).expectNext(true).verifyComplete();
    }
}
