package dev.carmarket.adapters.r2dbc.order;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link OrderNumberSequence} on a PostgreSQL sequence: unique across instances and never
 * rolled back (a rolled-back order leaves a gap, which order numbers may have).
 */
public final class R2dbcOrderNumberSequence implements OrderNumberSequence {

    private final DatabaseClient client;
    private final StoreCalls calls;

    public R2dbcOrderNumberSequence(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Mono<Long> next() {
        return calls.mono("order.next_number", client.sql("SELECT nextval('order_number_seq') AS next")
                .map(row -> row.get("next", Long.class))
                .one());
    }
}
