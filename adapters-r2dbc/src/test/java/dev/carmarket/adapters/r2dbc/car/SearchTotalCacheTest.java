package dev.carmarket.adapters.r2dbc.car;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.testing.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SearchTotalCacheTest {

    private static final Duration REFRESH_AFTER = Duration.ofSeconds(4);
    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final CarFilters GOLFS = new CarFilters("golf", null, null, null, null, null, null, null, null, null,
            null);

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-11-27T12:00:00Z"));
    private final SearchTotalCache cache = new SearchTotalCache(time, REFRESH_AFTER, MAX_AGE, 16);

    @Test
    void oneLookupAtATimeIsToldToRecountATotalDueForRefresh() {
        cache.put(GOLFS, 40, time.now());
        assertThat(cache.lookup(GOLFS)).isEqualTo(new SearchTotalCache.Lookup(OptionalLong.of(40), false));

        time.advance(REFRESH_AFTER);
        assertThat(cache.lookup(GOLFS).refreshDue()).isTrue();
        assertThat(cache.lookup(GOLFS)).isEqualTo(new SearchTotalCache.Lookup(OptionalLong.of(40), false));

        cache.refreshFailed(GOLFS);
        assertThat(cache.lookup(GOLFS).refreshDue()).isTrue();
    }

    @Test
    void aRecountReplacesTheTotalAndAnExpiredOneIsGone() {
        cache.put(GOLFS, 40, time.now());
        time.advance(REFRESH_AFTER);
        Instant recountStarted = cache.countStartsNow();
        cache.put(GOLFS, 41, recountStarted);

        time.advance(MAX_AGE.minus(Duration.ofMillis(1)));
        assertThat(cache.lookup(GOLFS).total()).hasValue(41);
        time.advance(Duration.ofMillis(1));
        assertThat(cache.lookup(GOLFS).total()).isEmpty();
    }

    @Test
    void aPriceWrittenWithTrailingZerosFindsTheSameTotal() {
        cache.put(priceFrom("15000"), 40, time.now());

        assertThat(cache.lookup(priceFrom("15000.00")).total()).hasValue(40);
        assertThat(cache.lookup(priceFrom("15000.01")).total()).isEmpty();
    }

    @Test
    void aSlowRecountDoesNotReplaceANewerCount() {
        Instant recountStarted = time.now();
        time.advance(Duration.ofSeconds(1));
        cache.put(GOLFS, 41, time.now());

        cache.put(GOLFS, 40, recountStarted);

        assertThat(cache.lookup(GOLFS).total()).hasValue(41);
    }

    private static CarFilters priceFrom(String priceMin) {
        return new CarFilters(null, null, null, null, null, null, null, null, new BigDecimal(priceMin), null, null);
    }
}
