package dev.carmarket.adapters.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    /** A clock the test moves: refills happen exactly when the test says. */
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private final RateLimits limits = RateLimits.parse("reads=2/s:4,writes=1/m:1,webhook=1/s:2").orElseThrow();
    private final ClientRateLimiter limiter = new ClientRateLimiter(limits, clock, 1_000);

    @Test
    void aBurstPassesThenTheBucketRefillsAtItsRate() {
        IntStream.range(0, 4).forEach(i -> assertThat(limiter.tryConsume(RouteClass.READS, "a").allowed()).isTrue());

        RateLimitDecision refused = limiter.tryConsume(RouteClass.READS, "a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.untilFull()).isEqualTo(Duration.ofSeconds(2));

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        RateLimitDecision refilled = limiter.tryConsume(RouteClass.READS, "a");
        assertThat(refilled.allowed()).isTrue();
        assertThat(refilled.remaining()).isZero();
    }

    @Test
    void clientsAndClassesHaveSeparateBuckets() {
        assertThat(limiter.tryConsume(RouteClass.WRITES, "a").allowed()).isTrue();
        assertThat(limiter.tryConsume(RouteClass.WRITES, "a").allowed()).isFalse();

        assertThat(limiter.tryConsume(RouteClass.WRITES, "b").allowed()).isTrue();
        assertThat(limiter.tryConsume(RouteClass.READS, "a").allowed()).isTrue();
    }

    @Test
    void peekingTakesNothingAndSpendingTakesEvenFromAnEmptyBucket() {
        IntStream.range(0, 5).forEach(i -> assertThat(limiter.peek(RouteClass.WEBHOOK, "a").allowed()).isTrue());
        assertThat(limiter.peek(RouteClass.WEBHOOK, "a").remaining()).isEqualTo(2);

        limiter.spend(RouteClass.WEBHOOK, "a");
        limiter.spend(RouteClass.WEBHOOK, "a");
        limiter.spend(RouteClass.WEBHOOK, "a");

        RateLimitDecision owed = limiter.peek(RouteClass.WEBHOOK, "a");
        assertThat(owed.allowed()).isFalse();
        assertThat(owed.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aMillionDistinctClientsKeepOnlyTheBoundedNumberOfBuckets() {
        ClientRateLimiter production = new ClientRateLimiter(limits);

        IntStream.range(0, 1_000_000).forEach(i -> production.tryConsume(RouteClass.READS,
                "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff)));

        assertThat(production.trackedClients(RouteClass.READS)).isLessThanOrEqualTo(ClientRateLimiter.MAX_CLIENTS_PER_CLASS);
        assertThat(production.trackedClients(RouteClass.WRITES)).isZero();
    }

    @Test
    void anIdleBucketIsForgottenOnceItWouldBeFullAgain() {
        limiter.tryConsume(RouteClass.READS, "idle");
        assertThat(limiter.trackedClients(RouteClass.READS)).isEqualTo(1);

        ClientRateLimiter realTime = new ClientRateLimiter(RateLimits.parse("reads=1000/s:1").orElseThrow());
        realTime.tryConsume(RouteClass.READS, "idle");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (realTime.trackedClients(RouteClass.READS) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(realTime.trackedClients(RouteClass.READS)).isZero();
    }
}
