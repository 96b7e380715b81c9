package dev.carmarket.ports.domain.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.domain.common.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** SearchCriteria accepts every valid combination and rejects invalid ones, naming each bad parameter. */
class SearchCriteriaPropertyTest {

    /** The raw values of a request, before validation. */
    record Values(String q, String make, String model, FuelType fuelType, Transmission transmission,
            BodyType bodyType, Integer yearMin, Integer yearMax, BigDecimal priceMin, BigDecimal priceMax,
            Integer mileageMax, SearchSort sort, int page, int limit) {

        SearchCriteria toCriteria() {
            return new SearchCriteria(new CarFilters(q, make, model, fuelType, transmission, bodyType, yearMin, yearMax,
                    priceMin, priceMax, mileageMax), sort, page, limit);
        }
    }

    /**
     * A value out of bounds for each parameter that has bounds of its own. Lower range bounds break
     * downwards and upper ones upwards, so breaking both never also puts the range out of order.
     */
    private static final Map<String, Arbitrary<Object>> INVALID = Map.of(
            "q", blankOrTooLong(),
            "make", blankOrTooLong(),
            "model", blankOrTooLong(),
            "yearMin", Arbitraries.integers().lessOrEqual(CarFilters.MIN_YEAR - 1).map(Object.class::cast),
            "yearMax", Arbitraries.integers().greaterOrEqual(CarFilters.MAX_YEAR + 1).map(Object.class::cast),
            "priceMin", Arbitraries.bigDecimals().lessOrEqual(new BigDecimal("-0.01")).ofScale(2).map(Object.class::cast),
            "priceMax", Arbitraries.bigDecimals().greaterOrEqual(Money.MAX_AMOUNT.add(new BigDecimal("0.01")))
                    .ofScale(2).map(Object.class::cast),
            "mileageMax", Arbitraries.integers().lessOrEqual(-1).map(Object.class::cast),
            "page", Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0),
                    Arbitraries.integers().greaterOrEqual(SearchCriteria.MAX_PAGE + 1)).map(Object.class::cast),
            "limit", Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0),
                    Arbitraries.integers().greaterOrEqual(SearchCriteria.MAX_LIMIT + 1)).map(Object.class::cast));

    @Property
    void everyValidCombinationIsAccepted(@ForAll("validValues") Values values) {
        SearchCriteria criteria = values.toCriteria();

        assertThat(criteria.page()).isEqualTo(values.page());
        assertThat(criteria.offset()).isEqualTo((long) (values.page() - 1) * values.limit());
    }

    @Property
    void everyInvalidParameterIsReportedByNameAndAllAtOnce(@ForAll("validValues") Values valid,
            @ForAll("brokenParameters") Map<String, Object> broken) {
        Values values = withBroken(valid, broken);

        assertThatThrownBy(values::toCriteria).isInstanceOfSatisfying(DomainException.class, failure -> {
            List<String> problems = failure.problems();
            assertThat(problems).hasSize(broken.size());
            broken.keySet().forEach(name ->
                    assertThat(problems).filteredOn(problem -> problem.startsWith(name + " ")).hasSize(1));
        });
    }

    @Provide
    Arbitrary<Values> validValues() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1)
                .ofMaxLength(CarFilters.MAX_TEXT_LENGTH).injectNull(0.5);
        Arbitrary<Integer> year = Arbitraries.integers().between(CarFilters.MIN_YEAR, CarFilters.MAX_YEAR).injectNull(0.3);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, Money.MAX_AMOUNT).ofScale(2).injectNull(0.3);
        Arbitrary<List<Integer>> years = Combinators.combine(year, year).as(SearchCriteriaPropertyTest::ordered);
        Arbitrary<List<BigDecimal>> prices = Combinators.combine(price, price).as(SearchCriteriaPropertyTest::ordered);
        return Builders.withBuilder(() -> new Object[14])
                .use(text).in((fields, value) -> set(fields, 0, value))
                .use(text).in((fields, value) -> set(fields, 1, value))
                .use(text).in((fields, value) -> set(fields, 2, value))
                .use(Arbitraries.of(FuelType.class).injectNull(0.5)).in((fields, value) -> set(fields, 3, value))
                .use(Arbitraries.of(Transmission.class).injectNull(0.5)).in((fields, value) -> set(fields, 4, value))
                .use(Arbitraries.of(BodyType.class).injectNull(0.5)).in((fields, value) -> set(fields, 5, value))
                .use(years).in((fields, value) -> set(set(fields, 6, value.get(0)), 7, value.get(1)))
                .use(prices).in((fields, value) -> set(set(fields, 8, value.get(0)), 9, value.get(1)))
                .use(Arbitraries.integers().greaterOrEqual(0).injectNull(0.5)).in((fields, value) -> set(fields, 10, value))
                .use(Arbitraries.of(SearchSort.class)).in((fields, value) -> set(fields, 11, value))
                .use(Arbitraries.integers().between(1, SearchCriteria.MAX_PAGE)).in((fields, value) -> set(fields, 12, value))
                .use(Arbitraries.integers().between(1, SearchCriteria.MAX_LIMIT)).in((fields, value) -> set(fields, 13, value))
                .build(SearchCriteriaPropertyTest::values);
    }

    /** One to all of the bounded parameters, each with an out-of-bounds value. */
    @Provide
    Arbitrary<Map<String, Object>> brokenParameters() {
        return Arbitraries.subsetOf(INVALID.keySet()).ofMinSize(1).flatMap(SearchCriteriaPropertyTest::breaking);
    }

    private static Arbitrary<Map<String, Object>> breaking(Set<String> names) {
        Arbitrary<Map<String, Object>> none = Arbitraries.just(Map.of());
        return names.stream().reduce(none, (soFar, name) -> Combinators.combine(soFar, INVALID.get(name))
                .as((map, value) -> with(map, name, value)), (left, right) -> left);
    }

    private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(name, value);
        return Map.copyOf(copy);
    }

    /**
     * The valid values with the broken ones swapped in. The other bound of a broken range is dropped
     * so that the broken bound cannot also put the range out of order (a second problem).
     */
    private static Values withBroken(Values v, Map<String, Object> broken) {
        boolean yearBroken = broken.containsKey("yearMin") || broken.containsKey("yearMax");
        boolean priceBroken = broken.containsKey("priceMin") || broken.containsKey("priceMax");
        return new Values(
                (String) broken.getOrDefault("q", v.q()),
                (String) broken.getOrDefault("make", v.make()),
                (String) broken.getOrDefault("model", v.model()),
                v.fuelType(), v.transmission(), v.bodyType(),
                (Integer) broken.getOrDefault("yearMin", yearBroken ? null : v.yearMin()),
                (Integer) broken.getOrDefault("yearMax", yearBroken ? null : v.yearMax()),
                (BigDecimal) broken.getOrDefault("priceMin", priceBroken ? null : v.priceMin()),
                (BigDecimal) broken.getOrDefault("priceMax", priceBroken ? null : v.priceMax()),
                (Integer) broken.getOrDefault("mileageMax", v.mileageMax()),
                v.sort(),
                (Integer) broken.getOrDefault("page", v.page()),
                (Integer) broken.getOrDefault("limit", v.limit()));
    }

    private static Arbitrary<Object> blankOrTooLong() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(' ', '\t', '\n').ofMaxLength(5),
                Arbitraries.strings().alpha().ofMinLength(CarFilters.MAX_TEXT_LENGTH + 1).ofMaxLength(300)
        ).map(Object.class::cast);
    }


    private static <T extends Comparable<T>> List<T> ordered(T first, T second) {
        if (first == null || second == null || first.compareTo(second) <= 0) {
            return Arrays.asList(first, second);
        }
        return Arrays.asList(second, first);
    }

    private static Object[] set(Object[] fields, int index, Object value) {
        fields[index] = value;
        return fields;
    }

    private static Values values(Object[] f) {
        return new Values((String) f[0], (String) f[1], (String) f[2], (FuelType) f[3], (Transmission) f[4],
                (BodyType) f[5], (Integer) f[6], (Integer) f[7], (BigDecimal) f[8], (BigDecimal) f[9], (Integer) f[10],
                (SearchSort) f[11], (Integer) f[12], (Integer) f[13]);
    }
}
