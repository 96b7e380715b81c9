package dev.carmarket.adapters.r2dbc.support;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.util.Map;
import java.util.Optional;

/**
 * Translates every failure of a store call into a {@link DomainException}, so that no driver,
 * pool or Spring exception (and no driver message) ever leaves the adapter. Unique violations of
 * the indexes that carry business rules become their domain error; everything else the driver or
 * the pool reports (connection refused, acquire timeout, transient or non-transient resource
 * failures, statement timeouts, ...) means the store could not answer: {@code STORE_UNAVAILABLE}.
 * The original exception stays attached as the cause, for logs.
 */
public final class StoreFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Index name (from the migrations) to the domain rule it enforces. */
    private static final Map<String, DomainError> RULE_INDEXES = Map.of(
            "orders_one_live_order_per_car", DomainError.CAR_NOT_AVAILABLE,
            "payments_one_active_payment_per_order", DomainError.PAYMENT_ALREADY_STARTED);

    private StoreFailures() {
    }

    public static DomainException translate(Throwable failure) {
        if (failure instanceof DomainException domain) {
            return domain;
        }
        return uniqueViolation(failure)
                .map(RULE_INDEXES::get)
                .map(error -> new DomainException(error, failure))
                .orElseGet(() -> new DomainException(DomainError.STORE_UNAVAILABLE, failure));
    }

    /** Whether the failure (or one of its causes) is a unique violation of the named index. */
    public static boolean violates(Throwable failure, String index) {
        return uniqueViolation(failure).filter(index::equals).isPresent();
    }

    /** The violated index's name, when the failure (or one of its causes) is a unique violation. */
    private static Optional<String> uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres
                    && UNIQUE_VIOLATION.equals(postgres.getErrorDetails().getCode())) {
                return postgres.getErrorDetails().getConstraintName();
            }
        }
        return Optional.empty();
    }
}
