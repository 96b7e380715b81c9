package dev.carmarket.adapters.r2dbc.order;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.ports.out.order.OrderNumberSequence;
import java.util.concurrent.PriorityBlockingQueue;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link OrderNumberSequence} on a PostgreSQL sequence, taken {@value #BLOCK} numbers at a time: one round trip
 * serves that many orders, so an order's transaction rarely pays for it. Numbers are unique across instances,
 * which interleave their blocks, and never rolled back (a rolled-back order leaves a gap, which order numbers
 * may have; so does the unused rest of a block when its instance stops). Each instance hands out its smallest
 * waiting number first, so its numbers rise from one order to the next.
 */
public final class R2dbcOrderNumberSequence implements OrderNumberSequence {

    /** At most this many numbers are lost per instance restart. */
    static final int BLOCK = 32;

    private static final String TAKE_BLOCK = "SELECT nextval('order_number_seq') AS next FROM generate_series(1, "
            + BLOCK + ")";

    private final DatabaseClient client;
    private final StoreCalls calls;
    private final PriorityBlockingQueue<Long> taken = new PriorityBlockingQueue<>();

    public R2dbcOrderNumberSequence(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Mono<Long> next() {
        return Mono.defer(() -> {
            Long number = taken.poll();
            return number != null ? Mono.just(number) : takeBlock();
        });
    }

    /** Fetches a block, keeps its first (smallest) number and leaves the rest to the next callers. */
    private Mono<Long> takeBlock() {
        return calls.mono("order.next_number", client.sql(TAKE_BLOCK)
                .map(row -> row.get("next", Long.class))
                .all()
                .collectSortedList()
                .map(block -> {
                    taken.addAll(block.subList(1, block.size()));
                    return block.get(0);
                }));
    }
}
