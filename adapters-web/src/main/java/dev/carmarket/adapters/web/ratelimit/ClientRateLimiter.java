package dev.carmarket.adapters.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Bucket4j token bucket per client network and route class, held in a Caffeine cache of bounded size.
 * A bucket untouched for its refill time would be full again, so evicting it then loses nothing; under an
 * address-spraying flood the cache drops the least recently used clients instead of growing, and memory
 * stays bounded by {@link #MAX_CLIENTS_PER_CLASS}. The buckets are per instance; nginx's zones in front hold
 * the host-wide limit (docs/security.md).
 */
public final class ClientRateLimiter {

    /**
     * About 31 MiB of heap per class when full (measured after a million distinct addresses), so all three
     * classes stay far inside the PM2 heap; and far more distinct clients than one refill window sees.
     */
    public static final long MAX_CLIENTS_PER_CLASS = 40_000;

    private final Map<RouteClass, ClassBuckets> buckets = new EnumMap<>(RouteClass.class);

    public ClientRateLimiter(RateLimits limits) {
        this(limits, TimeMeter.SYSTEM_NANOTIME, MAX_CLIENTS_PER_CLASS);
    }

    /** @param time the buckets' clock, a test's own to make refills deterministic */
    ClientRateLimiter(RateLimits limits, TimeMeter time, long maxClientsPerClass) {
        Objects.requireNonNull(limits, "limits");
        for (RouteClass routeClass : RouteClass.values()) {
            buckets.put(routeClass, new ClassBuckets(limits.of(routeClass), time, maxClientsPerClass));
        }
    }

    /** Takes one token from the client's bucket if it has one. */
    public RateLimitDecision tryConsume(RouteClass routeClass, String client) {
        ClassBuckets classBuckets = buckets.get(routeClass);
        ConsumptionProbe probe = classBuckets.bucketOf(client).tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    /** Whether the client's bucket has a token, without taking it. */
    public RateLimitDecision peek(RouteClass routeClass, String client) {
        ClassBuckets classBuckets = buckets.get(routeClass);
        Bucket bucket = classBuckets.bucketOf(client);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        long remaining = probe.getRemainingTokens();
        return new RateLimitDecision(probe.canBeConsumed(), remaining,
                Duration.ofNanos(probe.getNanosToWaitForRefill()), classBuckets.untilFull(remaining));
    }

    /** Takes a token whether or not one is left: the request already ran (a refused webhook signature). */
    public void spend(RouteClass routeClass, String client) {
        buckets.get(routeClass).bucketOf(client).consumeIgnoringRateLimits(1);
    }

    /** How many clients of the class have a bucket now (after pending evictions). */
    long trackedClients(RouteClass routeClass) {
        Cache<String, Bucket> cache = buckets.get(routeClass).cache;
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static final class ClassBuckets {

        private final RateLimit limit;
        private final TimeMeter time;
        private final Cache<String, Bucket> cache;

        ClassBuckets(RateLimit limit, TimeMeter time, long maxClients) {
            this.limit = limit;
            this.time = time;
            this.cache = Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(limit.refillTime())
                    // Evict on the calling thread: no pool thread for a few map operations.
                    .executor(Runnable::run)
                    .build();
        }

        Bucket bucketOf(String client) {
            return cache.get(client, key -> Bucket.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.tokens(), limit.period()))
                    .withCustomTimePrecision(time)
                    .build());
        }

        Duration untilFull(long remaining) {
            long missing = limit.burst() - remaining;
            return missing <= 0 ? Duration.ZERO : limit.period().multipliedBy(missing).dividedBy(limit.tokens());
        }
    }
}
