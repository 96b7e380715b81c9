package dev.carmarket.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class SeededIdGeneratorTest {

    private static List<UUID> take(SeededIdGenerator ids, int count) {
        return IntStream.range(0, count).mapToObj(i -> ids.newId()).toList();
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        assertThat(take(new SeededIdGenerator(7), 100)).isEqualTo(take(new SeededIdGenerator(7), 100));
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        assertThat(take(new SeededIdGenerator(7), 100)).doesNotContainAnyElementsOf(take(new SeededIdGenerator(8), 100));
    }

    @Test
    void seededIdsAreDistinctVersion4Uuids() {
        assertThat(take(new SeededIdGenerator(7), 10_000)).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
    }

    @Test
    void concurrentCallersShareOutExactlyTheFirstIdsOfTheSequence() {
        SeededIdGenerator shared = new SeededIdGenerator(7);

        StepVerifier.create(Flux.range(0, 64)
                        .flatMap(i -> Mono.fromSupplier(shared::newId).subscribeOn(Schedulers.parallel()), 64)
                        .collectList())
                .assertNext(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(take(new SeededIdGenerator(7), 64)))
                .verifyComplete();
    }
}
