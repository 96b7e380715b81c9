package dev.carmarket.ports.domain.car;

import dev.carmarket.ports.domain.common.Money;
import dev.carmarket.ports.domain.common.Problems;
import java.math.BigDecimal;

/**
 * What a search selects cars by, apart from their order and paging: every filter is optional (null).
 * It is all a search total depends on, so stores key cached totals on it; prices lose their trailing
 * zeros so that {@code 100} and {@code 100.00} are the same filters.
 *
 * <p>The rules of each filter are here, but {@link SearchCriteria} runs them: the problems it reports
 * list the filters' own bounds, then paging, then the order of the ranges' bounds.
 */
public record CarFilters(
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
        Integer mileageMax) {

    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    /** Every car. */
    public static final CarFilters NONE = new CarFilters(null, null, null, null, null, null, null, null, null, null,
            null);

    public CarFilters {
        priceMin = withoutTrailingZeros(priceMin);
        priceMax = withoutTrailingZeros(priceMax);
    }

    /** Each filter's own bounds. */
    void checkValues(Problems problems) {
        checkText(problems, "q", q);
        checkText(problems, "make", make);
        checkText(problems, "model", model);
        checkYear(problems, "yearMin", yearMin);
        checkYear(problems, "yearMax", yearMax);
        checkPrice(problems, "priceMin", priceMin);
        checkPrice(problems, "priceMax", priceMax);
        problems.check(mileageMax == null || mileageMax >= 0, "mileageMax must not be less than 0");
    }

    /** No range ends below its start (equal ends are a valid range). */
    void checkRanges(Problems problems) {
        problems.check(yearMin == null || yearMax == null || yearMin <= yearMax,
                "yearMin must not be greater than yearMax");
        problems.check(priceMin == null || priceMax == null || priceMin.compareTo(priceMax) <= 0,
                "priceMin must not be greater than priceMax");
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

    /** Plain digits without fraction zeros: {@code 100.00} is {@code 100}, {@code 100.50} is {@code 100.5}. */
    private static BigDecimal withoutTrailingZeros(BigDecimal price) {
        if (price == null) {
            return null;
        }
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
