package dev.carmarket.ports.out.system;

import java.util.UUID;

/** Shapes 128 random bits into a version-4 (random) UUID, as the API contract promises for ids. */
public final class Version4Uuids {

    private Version4Uuids() {
    }

    public static UUID of(long randomHigh, long randomLow) {
        long high = (randomHigh & ~0xF000L) | 0x4000L;                   // version 4
        long low = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE; // IETF variant 10xx
        return new UUID(high, low);
    }
}
