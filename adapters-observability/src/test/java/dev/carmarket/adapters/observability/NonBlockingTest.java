package dev.carmarket.adapters.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.observability.metrics.MeteredCarCatalog;
import dev.carmarket.adapters.observability.metrics.MeteredPlaceOrderUseCase;
import dev.carmarket.adapters.observability.metrics.StrictValidationMetrics;
import dev.carmarket.adapters.observability.sentry.SentryConfigurator;
import dev.carmarket.adapters.observability.sentry.SentryErrorReporter;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.out.car.CarCatalog;
import dev.carmarket.ports.testing.TestCars;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentry.ILogger;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Metrics and error reports happen on event-loop threads: with BlockHound watching (installed for the
 * whole run by blockhound-junit-platform), everything here runs on Reactor's non-blocking scheduler.
 */
class NonBlockingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @AfterEach
    void resetSentry() {
        Sentry.close();
    }

    @Test
    void blockhound_is_watching() {
        Mono<String> sleeping = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> sleeping.block(TIMEOUT)).hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void timing_queries_and_counting_outcomes_never_block() {
        CarDetails car = TestCars.available();
        CarCatalog catalog = new MeteredCarCatalog(new CarCatalog() {
            @Override
            public Mono<CarPage> search(SearchCriteria criteria) {
                return Mono.error(new DomainException(DomainError.STORE_UNAVAILABLE));
            }

            @Override
            public Mono<CarDetails> findById(CarId id) {
                return Mono.just(car);
            }

            @Override
            public Mono<Boolean> changeStatus(CarId id, CarStatus expected, CarStatus next) {
                return Mono.never();
            }

            @Override
            public Mono<Money> changeStatusReturningPrice(CarId id, CarStatus expected, CarStatus next) {
                return Mono.never();
            }
        }, registry);

        Mono<Void> work = Mono.defer(() -> {
            new StrictValidationMetrics(registry).unknownProperty("POST /orders", "report");
            return Mono.when(
                    catalog.findById(car.id()),
                    catalog.search(SearchCriteria.defaults()).onErrorResume(error -> Mono.empty()),
                    catalog.changeStatus(car.id(), CarStatus.AVAILABLE, CarStatus.RESERVED)
                            .timeout(Duration.ofMillis(20), Mono.just(false), Schedulers.parallel()),
                    new MeteredPlaceOrderUseCase(command -> Mono.error(new IllegalStateException("bug")), registry)
                            .placeOrder(null).onErrorResume(error -> Mono.empty()));
        }).subscribeOn(Schedulers.parallel());

        work.block(TIMEOUT);

        assertThat(registry.scrape()).contains(
                "db_query_seconds_count{outcome=\"success\",query=\"car.find_by_id\"} 1",
                "db_failures_total{query=\"car.search\",reason=\"unavailable\"} 1.0",
                "db_query_seconds_count{outcome=\"cancelled\",query=\"car.change_status\"} 1",
                "orders_placed_total{outcome=\"error\"} 1.0",
                "strict_validation_unknown_fields_total{mode=\"report\",route=\"POST /orders\"} 1.0");
    }

    @Test
    void reporting_an_unhandled_failure_never_blocks() {
        // The SDK swallows (and only logs) what goes wrong inside it, a BlockingOperationError included.
        List<Throwable> swallowed = new CopyOnWriteArrayList<>();
        List<SentryEvent> processed = new CopyOnWriteArrayList<>();
        new SentryConfigurator("http://publickey@127.0.0.1:9/42", "test", "carmarket@test").start();
        SentryOptions options = Sentry.getCurrentScopes().getOptions();
        options.setDebug(true);
        options.setLogger(new RecordingLogger(swallowed));
        SentryOptions.BeforeSendCallback scrubber = options.getBeforeSend();
        options.setBeforeSend((event, hint) -> {
            processed.add(event);
            return scrubber.execute(event, hint);
        });
        SentryErrorReporter reporter = new SentryErrorReporter();

        Mono.fromRunnable(() -> reporter.reportUnhandled(new IllegalStateException("boom"), "/orders", "POST", "req-1"))
                .subscribeOn(Schedulers.parallel())
                .block(TIMEOUT);

        assertThat(processed).hasSize(1);
        assertThat(swallowed).noneMatch(error -> error instanceof BlockingOperationError
                || error.getCause() instanceof BlockingOperationError);
    }

    private record RecordingLogger(List<Throwable> errors) implements ILogger {

        @Override
        public void log(SentryLevel level, String message, Object... args) {
        }

        @Override
        public void log(SentryLevel level, String message, Throwable error) {
            errors.add(error);
        }

        @Override
        public void log(SentryLevel level, Throwable error, String message, Object... args) {
            errors.add(error);
        }

        @Override
        public boolean isEnabled(SentryLevel level) {
            return true;
        }
    }
}
