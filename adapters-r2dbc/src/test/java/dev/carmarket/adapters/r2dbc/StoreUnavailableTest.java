package dev.carmarket.adapters.r2dbc;

import dev.carmarket.adapters.r2dbc.support.QueryObserver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.r2dbc.config.PoolSettings;
import dev.carmarket.adapters.r2dbc.config.PostgresConnectionSettings;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.adapters.r2dbc.testing.PostgresDatabase;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.testing.TestCars;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Whatever the driver or the pool reports, callers see STORE_UNAVAILABLE, and see it quickly. */
class StoreUnavailableTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final ManualTimeSource TIME = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void everyPortFailsFastWithStoreUnavailableWhenNothingListens() throws IOException {
        PostgresConnectionSettings live = DATABASE.settings();
        PostgresConnectionSettings closedPort = new PostgresConnectionSettings(live.host(), freePort(), live.database(),
                live.username(), live.password(), live.sslMode(), live.connectTimeout(), live.applicationName());
        List<String> observed = new CopyOnWriteArrayList<>();
        QueryObserver observer = (query, elapsed, failure) -> observed.add(query + " " + failure.error());
        try (R2dbcPersistence persistence = R2dbcPersistence.create(closedPort, PoolSettings.defaults(), TIME, observer)) {
            CarId car = new CarId(UUID.randomUUID());
            List<Mono<?>> calls = List.of(
                    persistence.ports().carCatalog().search(SearchCriteria.defaults()),
                    persistence.ports().carCatalog().findById(car),
                    persistence.ports().carCatalog().changeStatus(car, CarStatus.AVAILABLE, CarStatus.RESERVED),
                    persistence.ports().carCatalog().changeStatusReturningPrice(car, CarStatus.AVAILABLE,
                            CarStatus.RESERVED),
                    persistence.carBulkLoader().load(Flux.just(TestCars.available())),
                    persistence.ports().orderNumberSequence().next(),
                    persistence.ports().processedEventStore().markProcessed("evt_1", TIME.now()),
                    persistence.ports().transactionRunner().inTransaction(() -> Mono.just(1)),
                    persistence.pingDatabase(Duration.ofSeconds(1)));

            for (Mono<?> call : calls) {
                expectStoreUnavailableWithin(call, Duration.ofSeconds(3));
            }
            assertThat(observed).contains("car.search STORE_UNAVAILABLE", "car.change_status STORE_UNAVAILABLE",
                    "car.bulk_load STORE_UNAVAILABLE", "order.next_number STORE_UNAVAILABLE", "db.ping STORE_UNAVAILABLE");
        }
    }

    @Test
    void anExhaustedPoolTurnsWaitingIntoStoreUnavailableAfterTheAcquireTimeout() {
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(),
                onePooledConnection(Duration.ofMillis(300)), TIME, QueryObserver.NONE)) {
            expectStoreUnavailableWhileTheOnlyConnectionIsBusy(persistence, persistence.ports().orderNumberSequence().next());
        }
    }

    @Test
    void aPingOfTheLiveDatabaseMeasuresTheRoundTripAndIsObserved() {
        List<String> observed = new CopyOnWriteArrayList<>();
        QueryObserver observer = (query, elapsed, failure) -> observed.add(query + " " + (failure == null ? "ok" : "failed"));
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(), PoolSettings.defaults(), TIME,
                observer)) {
            StepVerifier.create(persistence.pingDatabase(Duration.ofSeconds(2)))
                    .assertNext(latency -> assertThat(latency).isPositive().isLessThan(Duration.ofSeconds(2)))
                    .verifyComplete();
        }
        assertThat(observed).containsExactly("db.ping ok");
    }

    @Test
    void aPingThatOutlivesItsTimeoutIsStoreUnavailable() {
        try (R2dbcPersistence persistence = R2dbcPersistence.create(DATABASE.settings(),
                onePooledConnection(Duration.ofSeconds(5)), TIME, QueryObserver.NONE)) {
            expectStoreUnavailableWhileTheOnlyConnectionIsBusy(persistence, persistence.pingDatabase(Duration.ofMillis(100)));
        }
    }

    private static PoolSettings onePooledConnection(Duration maxAcquireTime) {
        return new PoolSettings(1, maxAcquireTime, Duration.ofMinutes(1), 16, Duration.ofSeconds(30));
    }

    /** Runs {@code call} while a transaction holds the pool's only connection for a second. */
    private static void expectStoreUnavailableWhileTheOnlyConnectionIsBusy(R2dbcPersistence persistence, Mono<?> call) {
        // Open the connection first: creating it counts against the acquire timeout on a loaded machine.
        persistence.pingDatabase(Duration.ofSeconds(10)).block(Duration.ofSeconds(10));
        // The transaction holds its connection from BEGIN on, before its work starts.
        Mono<Object> busy = persistence.ports().transactionRunner()
                .inTransaction(() -> Mono.delay(Duration.ofSeconds(1)))
                .cast(Object.class);
        Mono<Object> outcome = Mono.delay(Duration.ofMillis(200)).then(call).cast(Object.class).onErrorResume(Mono::just);

        StepVerifier.create(Mono.zip(busy, outcome))
                .assertNext(results -> assertThat(results.getT2()).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.STORE_UNAVAILABLE)))
                .verifyComplete();
    }

    private static void expectStoreUnavailableWithin(Mono<?> call, Duration limit) {
        long started = System.nanoTime();
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainException.class,
                        failure -> assertThat(failure.error()).isEqualTo(DomainError.STORE_UNAVAILABLE)))
                .verify(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
