package dev.carmarket.adapters.inmemory.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** How the in-memory runner schedules transactions; the port's contract itself is in TransactionRunnerContract. */
@Timeout(30)
class InMemoryTransactionRunnerConcurrencyTest {

    private final InMemoryTransactionRunner runner = new InMemoryTransactionRunner();
    private final Map<String, Integer> table = new ConcurrentHashMap<>();

    private Mono<Void> put(String key, int value) {
        return runner.execute(undo -> {
            undo.put(table, key, value);
            return null;
        });
    }

    @Test
    void transactionsOnParallelThreadsNeverOverlap() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Flux<Integer> transactions = Flux.range(0, 64).flatMap(i -> runner.inTransaction(() -> Mono
                        .fromRunnable(() -> mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max))
                        .then(Mono.delay(Duration.ofMillis(1)))
                        .then(Mono.fromRunnable(running::decrementAndGet))
                        .thenReturn(i))
                .subscribeOn(Schedulers.parallel()), 64);

        StepVerifier.create(transactions.count()).expectNext(64L).verifyComplete();
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void aLongQueueOfWaitersIsServedWithoutExhaustingTheStack() {
        Mono<Void> holder = runner.inTransaction(() -> Mono.delay(Duration.ofMillis(100)).then());
        // Mono.when rather than flatMap: flatMap's drain scans its inners, quadratic at this width
        Mono<Void> waiters = Mono.when(IntStream.range(0, 20_000).mapToObj(i -> put("k" + i, i)).toList());

        StepVerifier.create(Mono.when(holder, waiters)).verifyComplete();
        assertThat(table).hasSize(20_000);
    }

    @Test
    void aWaiterThatGivesUpDoesNotKeepTheLock() {
        Mono<Void> holder = runner.inTransaction(() -> Mono.delay(Duration.ofMillis(100)).then());
        Mono<Void> impatient = put("impatient", 1).timeout(Duration.ofMillis(20)).onErrorResume(timeout -> Mono.empty());

        StepVerifier.create(Mono.when(holder, impatient).then(put("later", 2))).verifyComplete();
        assertThat(table).containsOnlyKeys("later");
    }

    @Test
    void rollbackRestoresOverwrittenAndRemovedValuesInReverseOrder() {
        table.put("kept", 1);
        table.put("removed", 2);

        StepVerifier.create(runner.inTransaction(() -> put("kept", 10)
                        .then(put("kept", 11))
                        .then(runner.execute(undo -> {
                            undo.remove(table, "removed");
                            return null;
                        }))
                        .then(put("added", 3))
                        .then(Mono.error(new IllegalStateException("abort")))))
                .expectErrorMessage("abort").verify();

        assertThat(table).containsExactlyInAnyOrderEntriesOf(Map.of("kept", 1, "removed", 2));
    }

    @Test
    void independentRunnersDoNotJoinEachOthersTransactions() {
        InMemoryTransactionRunner other = new InMemoryTransactionRunner();
        Map<String, Integer> otherTable = new ConcurrentHashMap<>();

        // a write through the other runner commits on its own, even inside this runner's failing transaction
        StepVerifier.create(runner.inTransaction(() -> other.execute(undo -> {
                            undo.put(otherTable, "k", 1);
                            return null;
                        })
                        .then(Mono.error(new IllegalStateException("abort")))))
                .expectErrorMessage("abort").verify();

        assertThat(otherTable).containsEntry("k", 1);
    }
}
