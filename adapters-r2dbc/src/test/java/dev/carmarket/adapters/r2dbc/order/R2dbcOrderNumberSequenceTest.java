package dev.carmarket.adapters.r2dbc.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.order.OrderNumber;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import dev.carmarket.ports.testing.Concurrently;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.ports.testing.TestCars;
import dev.carmarket.ports.testing.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The block-wise sequence: fewer round trips than orders, no number twice across instances, and numbers held
 * from before the database went back in time dropped as soon as an order meets one.
 */
class R2dbcOrderNumberSequenceTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final ManualTimeSource TIME = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void oneRoundTripServesABlockOfNumbers() {
        List<String> observed = new CopyOnWriteArrayList<>();
        R2dbcPersistence persistence = DATABASE.persistence(TIME, (query, elapsed, failure) -> observed.add(query));

        List<Long> numbers = take(persistence, R2dbcOrderNumberSequence.BLOCK + 1);

        assertThat(numbers).doesNotHaveDuplicates().isSorted();
        assertThat(observed).filteredOn("order.next_number"::equals).hasSize(2);
    }

    @Test
    void twoInstancesTakingNumbersAtOnceNeverShareOne() {
        List<OrderNumberSequence> instances = List.of(DATABASE.persistence(TIME).ports().orderNumberSequence(),
                DATABASE.persistence(TIME).ports().orderNumberSequence());

        // Concurrent blocks interleave their numbers in the database, so neither may assume a range.
        StepVerifier.create(Concurrently.run(4 * R2dbcOrderNumberSequence.BLOCK, i -> instances.get(i % 2).next()))
                .assertNext(numbers -> assertThat(numbers).hasSize(4 * R2dbcOrderNumberSequence.BLOCK)
                        .doesNotHaveDuplicates())
                .verifyComplete();
    }

    @Test
    void anOrderMeetingAReissuedNumberFailsAndTheInstanceDropsTheNumbersItHolds() {
        R2dbcPersistence persistence = DATABASE.persistence(TIME);
        StorePorts ports = persistence.ports();
        CarDetails first = TestCars.available();
        CarDetails second = TestCars.available();
        persistence.carBulkLoader().load(Flux.just(first, second)).block(Duration.ofSeconds(10));
        long taken = ports.orderNumberSequence().next().block(Duration.ofSeconds(10));
        // The database went back in time and issued the next waiting number to an order again.
        ports.orderRepository().insert(TestOrders.pendingFor(first).number(OrderNumber.of(2026, taken + 1)).build())
                .block(Duration.ofSeconds(10));

        long reissued = ports.orderNumberSequence().next().block(Duration.ofSeconds(10));
        StepVerifier.create(ports.orderRepository()
                        .insert(TestOrders.pendingFor(second).number(OrderNumber.of(2026, reissued)).build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.STORE_UNAVAILABLE)))
                .verify(Duration.ofSeconds(10));

        assertThat(reissued).isEqualTo(taken + 1);
        assertThat(ports.orderNumberSequence().next().block(Duration.ofSeconds(10)))
                .isGreaterThanOrEqualTo(taken + R2dbcOrderNumberSequence.BLOCK);
    }

    private static List<Long> take(R2dbcPersistence persistence, int count) {
        return Flux.range(0, count)
                .concatMap(i -> persistence.ports().orderNumberSequence().next())
                .collectList()
                .block(Duration.ofSeconds(10));
    }
}
