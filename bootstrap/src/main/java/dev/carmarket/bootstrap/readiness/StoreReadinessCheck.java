package dev.carmarket.bootstrap.readiness;

import dev.carmarket.adapters.web.health.ReadinessCheck;
import dev.carmarket.adapters.web.health.ReplicaStatus;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Readiness's view of the store: can it be reached now, within {@code timeout}. Never fails: a
 * failure is a down check. Read replicas are listed as their latest periodic check saw them.
 */
@FunctionalInterface
public interface StoreReadinessCheck {

    /** The in-memory store lives in the process: there is nothing to reach. */
    StoreReadinessCheck IN_MEMORY = timeout -> Mono.just(ReadinessCheck.up("store", "in-memory"));

    Mono<ReadinessCheck> check(Duration timeout);

    /** The read replicas and their states; none for a store without replicas. */
    default List<ReplicaStatus> replicas() {
        return List.of();
    }
}
