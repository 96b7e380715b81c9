package dev.carmarket.ports.domain.car;

import dev.carmarket.ports.domain.common.Problems;
import java.util.Objects;

/**
 * Validated search filters, ordering and paging. The constructor reports all problems at once, each
 * naming its parameter: the filters' own bounds, then paging, then the order of the ranges' bounds.
 */
public record SearchCriteria(CarFilters filters, SearchSort sort, int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 1_000_000;

    public SearchCriteria {
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(sort, "sort");
        Problems problems = new Problems();
        filters.checkValues(problems);
        problems.check(page >= 1, "page must not be less than 1");
        problems.check(page <= MAX_PAGE, "page must not be greater than " + MAX_PAGE);
        problems.check(limit >= 1, "limit must not be less than 1");
        problems.check(limit <= MAX_LIMIT, "limit must not be greater than " + MAX_LIMIT);
        filters.checkRanges(problems);
        problems.throwIfAny();
    }

    /** No filters, newest first, first page of the default size. */
    public static SearchCriteria defaults() {
        return new SearchCriteria(CarFilters.NONE, SearchSort.NEWEST, 1, DEFAULT_LIMIT);
    }

    /** Row offset of the first item of the requested page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
