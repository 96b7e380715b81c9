package dev.carmarket.adapters.inmemory.ordering;

import java.util.Comparator;
import java.util.UUID;

/**
 * PostgreSQL's uuid ordering: the 16 bytes compared unsigned, left to right. {@link UUID#compareTo}
 * compares the two halves as signed longs and disagrees whenever a half has its top bit set.
 */
public final class UnsignedUuidOrder implements Comparator<UUID> {

    public static final UnsignedUuidOrder INSTANCE = new UnsignedUuidOrder();

    private UnsignedUuidOrder() {
    }

    @Override
    public int compare(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
