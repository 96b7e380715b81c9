package dev.carmarket.ports.domain.car;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.common.Problems;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Validated search filters, ordering and paging. Every filter is optional (null).
 * The constructor reports all problems at once, each naming its parameter.
 */
public record SearchCriteria(
        String q,
        String make,
        String model,
        FuelType fuelType,
        Transmission transmission,
        BodyType bodyType,
        Integer yearMin,
        Integer yearMax,
        BigDecimal priceMin,
        BigDecimal priceMax,
        Integer mileageMax,
        SearchSort sort,
        int page,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    public SearchCriteria {
        Objects.requireNonNull(sort, "sort");
        problems(q, make, model, yearMin, yearMax, priceMin, priceMax, mileageMax, page, limit).throwIfAny();
    }

    /** No filters, newest first, first page of the default size. */
    public static SearchCriteria defaults() {
        return new SearchCriteria(null, null, null, null, null, null, null, null, null, null, null,
                SearchSort.NEWEST, 1, DEFAULT_LIMIT);
    }

    /**
     * The problems the given values would be rejected for, so an adapter can merge
     * them with its own parse errors and report everything in one response.
     */
    public static Problems problems(String q, String make, String model, Integer yearMin, Integer yearMax,
            BigDecimal priceMin, BigDecimal priceMax, Integer mileageMax, int page, int limit) {
        Problems problems = new Problems();
        checkText(problems, "q", q);
        checkText(problems, "make", make);
        checkText(problems, "model", model);
        checkYear(problems, "yearMin", yearMin);
        checkYear(problems, "yearMax", yearMax);
        checkPrice(problems, "priceMin", priceMin);
        checkPrice(problems, "priceMax", priceMax);
        problems.check(mileageMax == null || mileageMax >= 0, "mileageMax must not be less than 0");
        problems.check(page >= 1, "page must not be less than 1");
        problems.check(page <= MAX_PAGE, "page must not be greater than " + MAX_PAGE);
        problems.check(limit >= 1, "limit must not be less than 1");
        problems.check(limit <= MAX_LIMIT, "limit must not be greater than " + MAX_LIMIT);
        problems.check(yearMin == null || yearMax == null || yearMin <= yearMax,
                "yearMin must not be greater than yearMax");
        problems.check(priceMin == null || priceMax == null || priceMin.compareTo(priceMax) <= 0,
                "priceMin must not be greater than priceMax");
        return problems;
    }

    private static void checkText(Problems problems, String name, String value) {
        if (value != null) {
            problems.check(!value.isBlank() && value.length() <= MAX_TEXT_LENGTH,
                    name + " must be between 1 and " + MAX_TEXT_LENGTH + " characters");
        }
    }

    private static void checkYear(Problems problems, String name, Integer year) {
        if (year != null) {
            problems.check(year >= MIN_YEAR && year <= MAX_YEAR,
                    name + " must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
    }

    private static void checkPrice(Problems problems, String name, BigDecimal price) {
        if (price != null) {
            problems.check(price.signum() >= 0, name + " must not be less than 0");
            problems.check(price.compareTo(Money.MAX_AMOUNT) <= 0,
                    name + " must not be greater than " + Money.MAX_AMOUNT.toPlainString());
        }
    }

    /** Row offset of the first item of the requested page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
