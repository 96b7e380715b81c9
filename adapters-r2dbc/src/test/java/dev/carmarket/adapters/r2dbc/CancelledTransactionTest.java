package dev.carmarket.adapters.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A client that hangs up cancels its request's transaction. The transaction must end with it:
 * left open, it would keep its row locks and block every later writer of those rows.
 */
class CancelledTransactionTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final ManualTimeSource TIME = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void aCancelledTransactionReleasesItsRowLocksAndChangesNothing() {
        R2dbcPersistence persistence = DATABASE.persistence(TIME);
        CarDetails car = TestCars.available();
        StepVerifier.create(persistence.carBulkLoader().load(Flux.just(car))).expectNext(1L).verifyComplete();

        AtomicBoolean reserved = new AtomicBoolean();
        Disposable cancelledRequest = persistence.ports().transactionRunner()
                .inTransaction(() -> persistence.ports().carCatalog()
                        .changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                        .doOnNext(reserved::set)
                        .then(Mono.never()))
                .subscribe();
        Flux.interval(Duration.ofMillis(20)).filter(tick -> reserved.get()).blockFirst(Duration.ofSeconds(10));
        cancelledRequest.dispose();

        // The row is free again: another writer takes it at once instead of waiting on a lock.
        StepVerifier.create(persistence.ports().carCatalog().changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED))
                .expectNext(true)
                .expectComplete()
                .verify(Duration.ofSeconds(3));
        assertThat(persistence.ports().carCatalog().findById(car.id()).block(Duration.ofSeconds(3)).summary().status())
                .isEqualTo(CarStatus.RESERVED);
    }
}
