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
     * The same change answering what {@code read} takes from the changed row, in the same statement; made
     * once by the caller, so its SQL is not built again per call.
     *
     * @param columns the columns {@code read} needs, a constant of the caller (never user input)
     */
    public <T> Returning<T> returning(String columns, Function<Readable, T> read) {
        return new Returning<>(sql + " RETURNING " + columns, read);
    }

    /** A {@link StatusTransition} that answers a value of the changed row. */
    public final class Returning<T> {

        private final String returningSql;
        private final Function<Readable, T> read;

        private Returning(String returningSql, Function<Readable, T> read) {
            this.returningSql = returningSql;
            this.read = read;
        }

        /** @return empty if this call made no change */
        public Mono<T> change(UUID id, Enum<?> expected, Enum<?> next) {
            return calls.mono(query, statement(returningSql, id, expected, next).map(read).one());
        }
    }

    private DatabaseClient.GenericExecuteSpec statement(String text, UUID id, Enum<?> expected, Enum<?> next) {
        return client.sql(text)
                .bind("next", next.name())
                .bind("id", id)
                .bind("expected", expected.name());
    }
}
