package dev.carmarket.adapters.system;

import dev.carmarket.ports.out.system.IdGenerator;
import dev.carmarket.ports.out.system.Version4Uuids;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unguessable version-4 UUIDs. A DRBG seeded once here, at construction, rather than
 * {@link UUID#randomUUID()}: the latter may read the entropy device on first use, a blocking
 * call that must not happen on an event-loop thread.
 */
public final class RandomIdGenerator implements IdGenerator {

    private final SecureRandom random;

    public RandomIdGenerator() {
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("the JDK provides no DRBG SecureRandom", missing);
        }
        random.nextLong(); // forces seeding now
    }

    @Override
    public UUID newId() {
        return Version4Uuids.of(random.nextLong(), random.nextLong());
    }
}
