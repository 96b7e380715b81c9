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
 * may have). Each instance hands out its smallest waiting number first, so one caller after another gets
 * rising numbers; callers that find no number waiting at the same moment each take a block, and the numbers
 * waiting when the instance stops are never used.
 *
 * <p>Numbers taken before the database went back in time (a restore from backup, a failover to a replica that
 * lagged) may be issued by the sequence again. {@link #forgetTaken()} drops them when an order meets one.
 */
public final class R2dbcOrderNumberSequence implements OrderNumberSequence {

    /** Numbers per round trip; about as many are left unused per instance restart. */
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

    /**
     * Drops the numbers waiting, so the next caller takes a fresh block: called when an order's number was
     * already used, which only happens when the database's sequence went back after they were taken.
     */
    public void forgetTaken() {
        taken.clear();
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
