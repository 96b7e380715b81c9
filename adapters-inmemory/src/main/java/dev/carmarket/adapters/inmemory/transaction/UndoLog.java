package dev.carmarket.adapters.inmemory.transaction;

import java.util.Map;

/**
 * Where an in-memory store performs its writes so that a rollback can undo them.
 * Writes are applied at once; the log remembers how to revert each of them.
 */
public interface UndoLog {

    void onRollback(Runnable undo);

    /** Stores the value and remembers the previous mapping (or its absence). */
    default <K, V> void put(Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        onRollback(previous == null ? () -> map.remove(key) : () -> map.put(key, previous));
    }

    default <K, V> void remove(Map<K, V> map, K key) {
        V previous = map.remove(key);
        if (previous != null) {
            onRollback(() -> map.put(key, previous));
        }
    }
}
