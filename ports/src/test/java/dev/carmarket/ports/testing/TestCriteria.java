package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.domain.car.Transmission;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;

/**
 * {@link SearchCriteria} naming only what a test cares about: no filters, NEWEST, page 1 and
 * the largest page size unless overridden, e.g. {@code criteria(c -> c.make("BMW").yearMin(2018))}.
 */
public final class TestCriteria {

    private String q;
    private String make;
    private String model;
    private FuelType fuelType;
    private Transmission transmission;
    private BodyType bodyType;
    private Integer yearMin;
    private Integer yearMax;
    private BigDecimal priceMin;
    private BigDecimal priceMax;
    private Integer mileageMax;
    private SearchSort sort = SearchSort.NEWEST;
    private int page = 1;
    private int limit = SearchCriteria.MAX_LIMIT;

    private TestCriteria() {
    }

    public static SearchCriteria criteria(UnaryOperator<TestCriteria> overrides) {
        return overrides.apply(new TestCriteria()).build();
    }

    public TestCriteria q(String value) {
        q = value;
        return this;
    }

    public TestCriteria make(String value) {
        make = value;
        return this;
    }

    public TestCriteria model(String value) {
        model = value;
        return this;
    }

    public TestCriteria fuelType(FuelType value) {
        fuelType = value;
        return this;
    }

    public TestCriteria transmission(Transmission value) {
        transmission = value;
        return this;
    }

    public TestCriteria bodyType(BodyType value) {
        bodyType = value;
        return this;
    }

    public TestCriteria yearMin(Integer value) {
        yearMin = value;
        return this;
    }

    public TestCriteria yearMax(Integer value) {
        yearMax = value;
        return this;
    }

    public TestCriteria priceMin(String value) {
        priceMin = value == null ? null : new BigDecimal(value);
        return this;
    }

    public TestCriteria priceMax(String value) {
        priceMax = value == null ? null : new BigDecimal(value);
        return this;
    }

    public TestCriteria mileageMax(Integer value) {
        mileageMax = value;
        return this;
    }

    public TestCriteria sort(SearchSort value) {
        sort = value;
        return this;
    }

    public TestCriteria page(int value) {
        page = value;
        return this;
    }

    public TestCriteria limit(int value) {
        limit = value;
        return this;
    }

    private SearchCriteria build() {
        return new SearchCriteria(new CarFilters(q, make, model, fuelType, transmission, bodyType, yearMin, yearMax,
                priceMin, priceMax, mileageMax), sort, page, limit);
    }
}
