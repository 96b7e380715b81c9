package dev.carmarket.ports.domain.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    private static List<String> problemsOf(Runnable construction) {
        try {
            construction.run();
        } catch (DomainException failure) {
            assertThat(failure.error()).isEqualTo(DomainError.INVALID_INPUT);
            return failure.problems();
        }
        throw new AssertionError("expected the criteria to be rejected");
    }

    private static SearchCriteria paging(int page, int limit) {
        return new SearchCriteria(CarFilters.NONE, SearchSort.NEWEST, page, limit);
    }

    private static SearchCriteria filtering(CarFilters filters) {
        return new SearchCriteria(filters, SearchSort.NEWEST, 1, 20);
    }

    @Test
    void theDefaultsAreTheFirstPageOfTwentyNewestCarsWithoutFilters() {
        SearchCriteria defaults = SearchCriteria.defaults();

        assertThat(defaults.sort()).isEqualTo(SearchSort.NEWEST);
        assertThat(defaults.page()).isEqualTo(1);
        assertThat(defaults.limit()).isEqualTo(20);
        assertThat(defaults.offset()).isZero();
        assertThat(defaults.filters())
                .isEqualTo(new CarFilters(null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void theOffsetSkipsTheEarlierPagesWithoutOverflowing() {
        assertThat(paging(3, 20).offset()).isEqualTo(40);
        assertThat(paging(SearchCriteria.MAX_PAGE, 100).offset()).isEqualTo(99_999_900L);
    }

    @Test
    void pagingBoundsNameTheirParameter() {
        assertThat(problemsOf(() -> paging(0, 0)))
                .containsExactly("page must not be less than 1", "limit must not be less than 1");
        assertThat(problemsOf(() -> paging(1_000_001, 101)))
                .containsExactly("page must not be greater than 1000000", "limit must not be greater than 100");
    }

    @Test
    void textFiltersMustBeOneToAHundredNonBlankCharacters() {
        assertThat(problemsOf(() -> filtering(new CarFilters(" ", "", "m".repeat(101), null, null, null, null, null,
                null, null, null))))
                .containsExactly("q must be between 1 and 100 characters", "make must be between 1 and 100 characters",
                        "model must be between 1 and 100 characters");
    }

    @Test
    void rangesMustBeWithinBoundsAndInOrder() {
        assertThat(problemsOf(() -> filtering(new CarFilters(null, null, null, null, null, null, 1899, 2101,
                new BigDecimal("-1"), new BigDecimal("10000000000"), -1))))
                .containsExactly("yearMin must be between 1900 and 2100", "yearMax must be between 1900 and 2100",
                        "priceMin must not be less than 0", "priceMax must not be greater than 9999999999.99",
                        "mileageMax must not be less than 0");
        assertThat(problemsOf(() -> filtering(new CarFilters(null, null, null, null, null, null, 2022, 2018,
                new BigDecimal("20000"), new BigDecimal("10000"), null))))
                .containsExactly("yearMin must not be greater than yearMax", "priceMin must not be greater than priceMax");
    }

    @Test
    void equalBoundsAreAValidRange() {
        SearchCriteria criteria = new SearchCriteria(new CarFilters(null, null, null, null, null, null, 2020, 2020,
                new BigDecimal("15000"), new BigDecimal("15000.00"), 0), SearchSort.PRICE_ASC, 1, 1);

        assertThat(criteria.filters().yearMin()).isEqualTo(criteria.filters().yearMax());
    }

    @Test
    void theSortIsRequired() {
        assertThatThrownBy(() -> new SearchCriteria(CarFilters.NONE, null, 1, 20))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theFiltersAreRequired() {
        assertThatThrownBy(() -> new SearchCriteria(null, SearchSort.NEWEST, 1, 20))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void problemsListTheFiltersOwnBoundsThenPagingThenTheOrderOfTheRanges() {
        assertThat(problemsOf(() -> new SearchCriteria(new CarFilters(null, null, null, null, null, null, 2022, 2018,
                new BigDecimal("20000"), new BigDecimal("10000"), -1), SearchSort.NEWEST, 0, 101)))
                .containsExactly("mileageMax must not be less than 0", "page must not be less than 1",
                        "limit must not be greater than 100", "yearMin must not be greater than yearMax",
                        "priceMin must not be greater than priceMax");
    }

    @Test
    void sortsHaveStableWireNames() {
        assertThat(SearchSort.values()).extracting(SearchSort::wireName)
                .containsExactly("newest", "price_asc", "price_desc", "year_desc", "year_asc", "mileage_asc");
        assertThat(SearchSort.fromWireName("price_desc")).contains(SearchSort.PRICE_DESC);
        assertThat(SearchSort.fromWireName("PRICE_DESC")).isEmpty();
    }
}
