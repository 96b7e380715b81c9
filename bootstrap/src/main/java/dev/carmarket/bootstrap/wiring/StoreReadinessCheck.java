package dev.carmarket.bootstrap.wiring;

import dev.carmarket.adapters.web.health.ReadinessCheck;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Readiness's view of the store: can it be reached now, within {@code timeout}. Never fails: a failure is a down check. */
@FunctionalInterface
public interface StoreReadinessCheck {

    /** The in-memory store lives in the process: there is nothing to reach. */
    StoreReadinessCheck IN_MEMORY = timeout -> Mono.just(ReadinessCheck.up("store", "in-memory"));

    Mono<ReadinessCheck> check(Duration timeout);
}
