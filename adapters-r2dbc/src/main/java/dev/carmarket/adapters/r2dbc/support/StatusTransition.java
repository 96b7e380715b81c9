package dev.carmarket.adapters.r2dbc.support;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Compare-and-set of a row's {@code status} column: {@code UPDATE ... WHERE id = ? AND status = ?}.
 * A concurrent writer of the same row waits for the row lock and then re-checks the status, so
 * exactly one caller sees the row updated, on every instance.
 */
public final class StatusTransition {

    private final DatabaseClient client;
    private final StoreCalls calls;
    private final String query;
    private final String sql;

    /**
     * @param table a table of the migrations (never user input) with {@code id} and {@code status} columns
     * @param query the name the call is observed under
     */
    public StatusTransition(DatabaseClient client, StoreCalls calls, String table, String query) {
        this.client = client;
        this.calls = calls;
        this.query = query;
        this.sql = "UPDATE " + table + " SET status = :next WHERE id = :id AND status = :expected";
    }

    /** @return true if this call made the change */
    public Mono<Boolean> change(UUID id, Enum<?> expected, Enum<?> next) {
        return calls.mono(query, statement(sql, id, expected, next)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1));
    }

    /**
     * The same change in the same statement, answering what {@code read} takes from the changed row.
     *
     * @param returning the columns {@code read} needs, a constant of the caller (never user input)
     * @return empty if this call made no change
     */
    public <T> Mono<T> changeReturning(UUID id, Enum<?> expected, Enum<?> next, String returning,
            Function<Readable, T> read) {
        return calls.mono(query, statement(sql + " RETURNING " + returning, id, expected, next)
                .map(read)
                .one());
    }

    private DatabaseClient.GenericExecuteSpec statement(String text, UUID id, Enum<?> expected, Enum<?> next) {
        return client.sql(text)
                .bind("next", next.name())
                .bind("id", id)
                .bind("expected", expected.name());
    }
}
