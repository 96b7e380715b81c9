package dev.carmarket.adapters.inmemory.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsignedUuidOrderTest {

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    @Test
    void aHighFirstByteSortsLastUnlikeInUuidCompareTo() {
        UUID low = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");

        assertThat(UnsignedUuidOrder.INSTANCE.compare(low, high)).isNegative();
        assertThat(low.compareTo(high)).as("java.util.UUID disagrees").isPositive();
    }

    @Test
    void theSecondHalfIsComparedUnsignedToo() {
        UUID low = UUID.fromString("00000000-0000-4000-7fff-ffffffffffff");
        UUID high = UUID.fromString("00000000-0000-4000-8000-000000000000");

        assertThat(UnsignedUuidOrder.INSTANCE.compare(low, high)).isNegative();
        assertThat(UnsignedUuidOrder.INSTANCE.compare(high, high)).isZero();
    }

    @Test
    void agreesWithAByteWiseUnsignedComparison() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            UUID a = new UUID(random.nextLong(), random.nextLong());
            UUID b = new UUID(random.nextLong(), random.nextLong());
            assertThat(Integer.signum(UnsignedUuidOrder.INSTANCE.compare(a, b)))
                    .isEqualTo(Integer.signum(Arrays.compareUnsigned(bytes(a), bytes(b))));
        }
    }
}
