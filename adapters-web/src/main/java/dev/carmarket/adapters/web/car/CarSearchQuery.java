package dev.carmarket.adapters.web.car;

import dev.carmarket.adapters.web.input.InputProblems;
import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarFilters;
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
 * once, its own parse problems followed by those the {@link SearchCriteria} constructor reports.
 */
final class CarSearchQuery {

    // Made once: values() copies its array on every call, and every search names these.
    private static final List<SearchSort> SORTS = List.of(SearchSort.values());
    private static final List<FuelType> FUEL_TYPES = List.of(FuelType.values());
    private static final List<Transmission> TRANSMISSIONS = List.of(Transmission.values());
    private static final List<BodyType> BODY_TYPES = List.of(BodyType.values());

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private CarSearchQuery() {
    }

    static SearchCriteria parse(MultiValueMap<String, String> params) {
        InputProblems problems = new InputProblems();
        CarFilters filters = filters(problems, params);
        SearchSort sort = Objects.requireNonNullElse(
                problems.oneOf("sort", params.getFirst("sort"), SORTS, SearchSort::wireName),
                SearchSort.NEWEST);
        // An unparsable page or limit was reported above; its default keeps the range checks quiet about it.
        int page = Objects.requireNonNullElse(integer(problems, params, "page"), 1);
        int limit = Objects.requireNonNullElse(integer(problems, params, "limit"), SearchCriteria.DEFAULT_LIMIT);
        SearchCriteria criteria = problems.attempt(() -> new SearchCriteria(filters, sort, page, limit));
        problems.throwIfAny();
        return criteria;
    }

    /** One query parameter per filter, parsed in the order their problems are listed in. */
    private static CarFilters filters(InputProblems problems, MultiValueMap<String, String> params) {
        return new CarFilters(
                text(problems, params, "q"),
                text(problems, params, "make"),
                text(problems, params, "model"),
                option(problems, params, "fuelType", FUEL_TYPES),
                option(problems, params, "transmission", TRANSMISSIONS),
                option(problems, params, "bodyType", BODY_TYPES),
                integer(problems, params, "yearMin"),
                integer(problems, params, "yearMax"),
                decimal(problems, params, "priceMin"),
                decimal(problems, params, "priceMax"),
                integer(problems, params, "mileageMax"));
    }

    /** One of an enum's constants, spelt as its name. */
    private static <E extends Enum<E>> E option(InputProblems problems, MultiValueMap<String, String> params,
            String name, List<E> options) {
        return problems.oneOf(name, params.getFirst(name), options, Enum::name);
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
