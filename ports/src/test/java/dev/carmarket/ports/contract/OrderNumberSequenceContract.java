package dev.carmarket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** What every {@link OrderNumberSequence} guarantees. Subclass it with a fresh sequence per test. */
@Timeout(30)
public abstract class OrderNumberSequenceContract {

    protected abstract OrderNumberSequence sequence();

    @Test
    void numbersArePositiveAndIncreaseOneCallAfterAnother() {
        StepVerifier.create(Flux.range(0, 5).concatMap(i -> sequence().next()).collectList())
                .assertNext(numbers -> assertThat(numbers).allMatch(number -> number > 0).isSorted().doesNotHaveDuplicates())
                .verifyComplete();
    }

    @Test
    void concurrentCallersNeverShareANumber() {
        StepVerifier.create(Concurrently.run(64, i -> sequence().next()))
                .assertNext(numbers -> assertThat(numbers).hasSize(64).hasOnlyElementsOfType(Long.class).doesNotHaveDuplicates())
                .verifyComplete();
    }
}
