package dev.carmarket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.system.TransactionRunner;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.TestIdempotencyRecords;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** What every {@link IdempotencyStore} guarantees. Subclass it with a fresh, empty store per test. */
@Timeout(30)
public abstract class IdempotencyStoreContract {

    protected abstract IdempotencyStore idempotency();

    /** Transactions of the same store. */
    protected abstract TransactionRunner transactions();

    @Test
    void theFirstClaimOfAKeyCompletesEmpty() {
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-1")))
                .verifyComplete();
    }

    @Test
    void aLaterClaimGetsTheFirstRecordWhateverItsOwnPayload() {
        IdempotencyRecord first = TestIdempotencyRecords.record("place-order", "k-1", "f-1");
        StepVerifier.create(idempotency().claimOrGetExisting(first)).verifyComplete();

        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-2")))
                .expectNext(first).verifyComplete();
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-1")))
                .expectNext(first).verifyComplete();
    }

    @Test
    void keysAreScopedAndCaseSensitive() {
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f")))
                .verifyComplete();

        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("start-payment", "k-1", "f")))
                .verifyComplete();
        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "K-1", "f")))
                .verifyComplete();
    }

    @Test
    void aClaimInARolledBackTransactionDisappears() {
        IdempotencyRecord abandoned = TestIdempotencyRecords.record("place-order", "k-1", "f-1");
        StepVerifier.create(transactions().inTransaction(() -> idempotency().claimOrGetExisting(abandoned)
                        .then(Mono.error(new IllegalStateException("order failed")))))
                .expectErrorMessage("order failed").verify();

        StepVerifier.create(idempotency().claimOrGetExisting(TestIdempotencyRecords.record("place-order", "k-1", "f-2")))
                .verifyComplete();
    }

    @Test
    void ofConcurrentClaimsInTransactionsOneClaimsAndTheOthersSeeItsRecord() {
        List<IdempotencyRecord> contenders = IntStream.range(0, 16)
                .mapToObj(i -> TestIdempotencyRecords.record("place-order", "k-race", "f-" + i)).toList();

        // each transaction keeps working a little after its claim, so the others have to wait for its outcome
        StepVerifier.create(Concurrently.run(16, i -> transactions().inTransaction(() ->
                        idempotency().claimOrGetExisting(contenders.get(i))
                                .defaultIfEmpty(contenders.get(i))
                                .delayUntil(holder -> Mono.delay(Duration.ofMillis(20))))))
                .assertNext(outcomes -> {
                    assertThat(outcomes).hasSize(16).hasOnlyElementsOfType(IdempotencyRecord.class);
                    assertThat(outcomes).as("everyone ends up with the winner's record").containsOnly(outcomes.get(0));
                    assertThat(contenders).contains((IdempotencyRecord) outcomes.get(0));
                })
                .verifyComplete();
    }

    @Test
    void aClaimWaitingOnATransactionThatRollsBackGetsTheKey() {
        IdempotencyRecord abandoned = TestIdempotencyRecords.record("place-order", "k-1", "f-1");
        IdempotencyRecord waiting = TestIdempotencyRecords.record("place-order", "k-1", "f-2");
        Sinks.One<Boolean> claimed = Sinks.one();

        Mono<Object> failing = transactions().inTransaction(() -> idempotency().claimOrGetExisting(abandoned)
                .then(Mono.fromRunnable(() -> claimed.tryEmitValue(true)))
                .then(Mono.delay(Duration.ofMillis(200)))
                .then(Mono.error(new IllegalStateException("order failed"))));
        Mono<IdempotencyRecord> second = claimed.asMono()
                .then(transactions().inTransaction(() -> idempotency().claimOrGetExisting(waiting)));

        StepVerifier.create(Mono.zip(failing.onErrorReturn("rolled back"), second.map(Object.class::cast).defaultIfEmpty("claimed")))
                .assertNext(results -> {
                    assertThat(results.getT1()).isEqualTo("rolled back");
                    assertThat(results.getT2()).isEqualTo("claimed");
                })
                .verifyComplete();
        StepVerifier.create(idempotency().claimOrGetExisting(abandoned)).expectNext(waiting).verifyComplete();
    }
}
