package dev.carmarket.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

public final class DomainErrors {

    private DomainErrors() {
    }

    /** For {@code StepVerifier...expectErrorSatisfies}. */
    public static Consumer<Throwable> isDomainError(DomainError expected) {
        return error -> assertThat(error)
                .isInstanceOfSatisfying(DomainException.class, domain -> assertThat(domain.error()).isEqualTo(expected));
    }

    public static void assertFailsWith(Mono<?> call, DomainError expected) {
        StepVerifier.create(call).expectErrorSatisfies(isDomainError(expected)).verify();
    }
}
