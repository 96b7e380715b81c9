package dev.carmarket.adapters.inmemory.transaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The in-memory twin of PostgreSQL's {@code CREATE UNIQUE INDEX ... WHERE <condition>}: at most one
 * row per key among the rows that meet the condition.
 *
 * @param <K> the indexed column, e.g. the car id of an order
 * @param <R> the row's own id
 */
public final class PartialUniqueIndex<K, R> {

    private final Map<K, R> rowByKey = new ConcurrentHashMap<>();
    private final Supplier<RuntimeException> violation;

    public PartialUniqueIndex(Supplier<RuntimeException> violation) {
        this.violation = violation;
    }

    /**
     * Records that the row now does ({@code meetsCondition}) or does not count for the key.
     * Call it before writing the row itself: a violation throws before anything changed.
     */
    public void update(UndoLog undo, K key, R row, boolean meetsCondition) {
        R holder = rowByKey.get(key);
        boolean heldByOther = holder != null && !holder.equals(row);
        if (meetsCondition && heldByOther) {
            throw violation.get();
        }
        if (meetsCondition) {
            undo.put(rowByKey, key, row);
        } else if (row.equals(holder)) {
            undo.remove(rowByKey, key);
        }
    }

    public boolean contains(K key) {
        return rowByKey.containsKey(key);
    }
}
