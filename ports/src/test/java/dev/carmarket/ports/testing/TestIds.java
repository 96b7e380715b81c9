package dev.carmarket.ports.testing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for fixtures. Not {@link UUID#randomUUID()}: its SecureRandom may read the
 * entropy device, which BlockHound reports when a fixture is built inside a reactive pipeline.
 */
public final class TestIds {

    private TestIds() {
    }

    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE;
        return new UUID(high, low);
    }
}
