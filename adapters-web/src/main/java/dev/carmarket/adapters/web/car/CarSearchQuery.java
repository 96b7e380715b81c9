package dev.carmarket.adapters.web.car;

import dev.carmarket.adapters.web.input.InputProblems;
import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.domain.car.Transmission;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query string of {@code GET /car-details/search} turned into {@link SearchCriteria}.
 * Unknown parameters are ignored; every malformed or out-of-range value is reported at
 * once, its own parse problems merged with the range checks of {@link SearchCriteria#problems}.
 */
final class CarSearchQuery {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private CarSearchQuery() {
    }

    static SearchCriteria parse(MultiValueMap<String, String> params) {
        InputProblems problems = new InputProblems();
        String q = text(problems, params, "q");
        String make = text(problems, params, "make");
        String model = text(problems, params, "model");
        FuelType fuelType = problems.oneOf("fuelType", params.getFirst("fuelType"), List.of(FuelType.values()),
                Enum::name);
        Transmission transmission = problems.oneOf("transmission", params.getFirst("transmission"),
                List.of(Transmission.values()), Enum::name);
        BodyType bodyType = problems.oneOf("bodyType", params.getFirst("bodyType"), List.of(BodyType.values()),
                Enum::name);
        Integer yearMin = integer(problems, params, "yearMin");
        Integer yearMax = integer(problems, params, "yearMax");
        BigDecimal priceMin = decimal(problems, params, "priceMin");
        BigDecimal priceMax = decimal(problems, params, "priceMax");
        Integer mileageMax = integer(problems, params, "mileageMax");
        SearchSort sort = Objects.requireNonNullElse(
                problems.oneOf("sort", params.getFirst("sort"), List.of(SearchSort.values()), SearchSort::wireName),
                SearchSort.NEWEST);
        // An unparsable page or limit was reported above; its default keeps the range checks quiet about it.
        int page = Objects.requireNonNullElse(integer(problems, params, "page"), 1);
        int limit = Objects.requireNonNullElse(integer(problems, params, "limit"), SearchCriteria.DEFAULT_LIMIT);
        problems.addAll(SearchCriteria.problems(q, make, model, yearMin, yearMax, priceMin, priceMax, mileageMax,
                page, limit).asList());
        problems.throwIfAny();
        return new SearchCriteria(q, make, model, fuelType, transmission, bodyType, yearMin, yearMax, priceMin,
                priceMax, mileageMax, sort, page, limit);
    }

    /**
     * A free-text filter without control characters or U+FFFD (what an invalid percent-encoded UTF-8
     * sequence decodes to): neither can be meant, and NUL would fail in PostgreSQL.
     */
    private static String text(InputProblems problems, MultiValueMap<String, String> params, String name) {
        String raw = params.getFirst(name);
        if (raw != null && raw.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            problems.add(name + " must not contain control characters or invalid UTF-8");
            return null;
        }
        return raw;
    }

    /** An integer; values beyond the int range are clamped so that the range checks name the bound. */
    private static Integer integer(InputProblems problems, MultiValueMap<String, String> params, String name) {
        String raw = params.getFirst(name);
        if (raw == null) {
            return null;
        }
        if (!INTEGER.matcher(raw).matches()) {
            problems.add(name + " must be an integer number");
            return null;
        }
        return new BigInteger(raw).max(INT_MIN).min(INT_MAX).intValueExact();
    }

    /** A plain decimal with at most two fraction digits, as a price filter has. */
    private static BigDecimal decimal(InputProblems problems, MultiValueMap<String, String> params, String name) {
        String raw = params.getFirst(name);
        if (raw == null) {
            return null;
        }
        BigDecimal value = DECIMAL.matcher(raw).matches() ? new BigDecimal(raw) : null;
        if (value == null || value.stripTrailingZeros().scale() > 2) {
            problems.add(name + " must be a number conforming to the specified constraints");
            return null;
        }
        return value;
    }
}
