package dev.carmarket.core.common;

import static dev.carmarket.core.support.DomainErrors.isDomainError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.inmemory.InMemoryAdapters;
import dev.carmarket.ports.out.StorePorts;
import dev.carmarket.ports.testing.ManualTimeSource;
import dev.carmarket.ports.testing.SeededIdGenerator;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.out.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class IdempotentCreationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");

    private final StorePorts stores = InMemoryAdapters.empty().ports();
    /** What "creating" stored: resource id -> name. */
    private final Map<UUID, String> created = new ConcurrentHashMap<>();
    private final IdempotentCreation<String> creation = new IdempotentCreation<>(stores.idempotencyStore(),
            stores.transactionRunner(), new ManualTimeSource(NOW), new SeededIdGenerator(1), "test",
            id -> Mono.justOrEmpty(created.get(id)).map(name -> "replayed " + name));

    private Mono<String> create(IdempotencyKey key, String fingerprint, String name) {
        return creation.run(key, () -> fingerprint, (id, now) -> Mono.fromSupplier(() -> {
            created.put(id, name);
            return "created " + name + " at " + now;
        }));
    }

    @Test
    void withoutAKeyCreatesEveryTime() {
        StepVerifier.create(create(null, "same", "a")).expectNext("created a at " + NOW).verifyComplete();
        StepVerifier.create(create(null, "same", "a")).expectNext("created a at " + NOW).verifyComplete();
        assertThat(created).hasSize(2);
    }

    @Test
    void theSameRequestUnderTheSameKeyIsReplayed() {
        create(KEY, "same", "a").block();

        StepVerifier.create(create(KEY, "same", "b")).expectNext("replayed a").verifyComplete();
        assertThat(created).hasSize(1);
    }

    @Test
    void anotherRequestUnderTheSameKeyIsRefused() {
        create(KEY, "first", "a").block();

        StepVerifier.create(create(KEY, "second", "b"))
                .expectErrorSatisfies(isDomainError(DomainError.IDEMPOTENCY_KEY_REUSED))
                .verify();
        assertThat(created).hasSize(1);
    }

    @Test
    void aFailedCreationReleasesTheKey() {
        Mono<String> failing = creation.run(KEY, () -> "same", (id, now) -> Mono.error(new IllegalStateException("boom")));
        StepVerifier.create(failing).expectErrorMessage("boom").verify();

        StepVerifier.create(create(KEY, "same", "a")).expectNext("created a at " + NOW).verifyComplete();
    }

    @Test
    void aKeyPointingToAMissingResourceIsAnError() {
        stores.idempotencyStore()
                .claimOrGetExisting(new IdempotencyRecord("test", KEY, "same", UUID.randomUUID(), NOW))
                .block();

        StepVerifier.create(create(KEY, "same", "a"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("missing resource"))
                .verify();
        assertThat(created).isEmpty();
    }
}
