package dev.carmarket.adapters.r2dbc.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A call whose connection is cut never hears back from the server: the client's own bound ends it. */
class StoreCallsTest {

    private static final Duration BOUND = Duration.ofMillis(200);

    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final QueryObserver observer =
            (query, elapsed, failure) -> observed.add(query + " " + (failure == null ? "ok" : failure.error()));
    private final StoreCalls calls = new StoreCalls(observer, BOUND);

    @Test
    void aMonoThatNeverAnswersFailsWithStoreUnavailableAtTheBound() {
        StepVerifier.create(calls.mono("order.insert", Mono.never()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        domain -> assertThat(domain.error()).isEqualTo(DomainError.STORE_UNAVAILABLE)))
                .verify(Duration.ofSeconds(5));
        assertThat(observed).containsExactly("order.insert STORE_UNAVAILABLE");
    }

    @Test
    void aFluxThatStallsFailsWithStoreUnavailableAtTheBound() {
        StepVerifier.create(calls.flux("order.find_expired", Flux.concat(Flux.just(1), Flux.never())))
                .expectNext(1)
                .expectErrorSatisfies(error -> assertThat(((DomainException) error).error())
                        .isEqualTo(DomainError.STORE_UNAVAILABLE))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aCallThatAnswersInTimeIsUntouched() {
        StepVerifier.create(calls.mono("car.find_by_id", Mono.just("car").delayElement(Duration.ofMillis(20))))
                .expectNext("car")
                .verifyComplete();
        assertThat(observed).containsExactly("car.find_by_id ok");
    }
}
