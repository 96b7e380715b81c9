package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.support.StoreCalls;
import dev.carmarket.adapters.r2dbc.car.CarRows.Column;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarBulkLoader;
import java.lang.reflect.Array;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link CarBulkLoader} on PostgreSQL: batches of {@value #BATCH_SIZE} cars, each one INSERT over
 * UNNEST of one array per column (a fixed, small statement however big the batch, instead of
 * thousands of bind parameters). Batches run one at a time, each committing on its own unless
 * the caller opened a transaction, so memory stays bounded however long the stream is.
 * Afterwards {@code VACUUM (ANALYZE)} gives the planner fresh statistics and sets the visibility
 * map, without which the search's narrow index-only scans cost like heap scans and the planner
 * falls back to sequential scans. VACUUM cannot run inside a transaction: call {@link #load}
 * outside {@code TransactionRunner}. A car whose id is already stored is skipped and not counted.
 */
public final class R2dbcCarBulkLoader implements CarBulkLoader {

    static final int BATCH_SIZE = 2_000;

    private static final String INSERT_SQL = "INSERT INTO cars (" + String.join(", ", CarRows.ALL_COLUMNS) + ")"
            + " SELECT " + CarRows.COLUMNS.stream().map(Column::selectExpression).collect(Collectors.joining(", "))
            + " FROM unnest(" + IntStream.range(0, CarRows.COLUMNS.size())
                    .mapToObj(index -> "$" + (index + 1) + "::" + CarRows.COLUMNS.get(index).arrayType())
                    .collect(Collectors.joining(", "))
            + ") AS batch(" + String.join(", ", CarRows.ALL_COLUMNS) + ")"
            + " ON CONFLICT (id) DO NOTHING";

    private final DatabaseClient client;
    private final StoreCalls calls;

    public R2dbcCarBulkLoader(DatabaseClient client, StoreCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Mono<Long> load(Flux<CarDetails> cars) {
        // Prefetch 1: at most the batch being written and the next one being filled sit in memory.
        return calls.mono("car.bulk_load", cars.buffer(BATCH_SIZE)
                .concatMap(this::insert, 1)
                .reduce(0L, Long::sum)
                .flatMap(stored -> stored == 0 ? Mono.just(0L)
                        : client.sql("VACUUM (ANALYZE) cars").then().thenReturn(stored)));
    }

    @Override
    public Mono<Long> count() {
        return calls.mono("car.count", client.sql("SELECT count(*) AS cars FROM cars")
                .map(row -> row.get("cars", Long.class))
                .one());
    }

    private Mono<Long> insert(List<CarDetails> batch) {
        GenericExecuteSpec spec = client.sql(INSERT_SQL);
        for (int index = 0; index < CarRows.COLUMNS.size(); index++) {
            spec = spec.bind(index, columnValues(CarRows.COLUMNS.get(index), batch));
        }
        return spec.fetch().rowsUpdated();
    }

    /** One column of the batch as a typed array (typed, so that an all-NULL column still binds). */
    private static Object[] columnValues(Column column, List<CarDetails> batch) {
        Object[] values = (Object[]) Array.newInstance(column.javaType(), batch.size());
        for (int row = 0; row < values.length; row++) {
            values[row] = column.value().apply(batch.get(row));
        }
        return values;
    }
}
