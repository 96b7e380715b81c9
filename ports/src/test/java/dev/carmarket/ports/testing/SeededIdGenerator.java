package dev.carmarket.ports.testing;

import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.Version4Uuids;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids for tests: the n-th id depends only on the seed and n. Thread-safe. */
public final class SeededIdGenerator implements IdGenerator {

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private final long seed;
    private final AtomicLong issued = new AtomicLong();

    public SeededIdGenerator(long seed) {
        this.seed = seed;
    }

    @Override
    public UUID newId() {
        // SplittableRandom(s) steps its state by GOLDEN_GAMMA per long: starting at s + 2n * gamma
        // yields the (2n)-th and (2n+1)-th longs of one sequence without sharing a mutable generator.
        long n = issued.getAndIncrement();
        SplittableRandom nth = new SplittableRandom(seed + 2 * n * GOLDEN_GAMMA);
        return Version4Uuids.of(nth.nextLong(), nth.nextLong());
    }
}
