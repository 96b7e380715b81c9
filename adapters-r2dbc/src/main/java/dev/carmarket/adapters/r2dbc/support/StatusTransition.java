package dev.carmarket.adapters.r2dbc.support;

import java.util.UUID;
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
        return calls.mono(query, client.sql(sql)
                .bind("next", next.name())
                .bind("id", id)
                .bind("expected", expected.name())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1));
    }
}
