package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.Transmission;
import java.math.BigDecimal;

/**
 * The filter part of a search (no sort, no paging): what a total depends on, and so the key of
 * the total cache. Prices are normalized so that {@code 100} and {@code 100.00} share an entry.
 */
record SearchFilters(String q, String make, String model, FuelType fuelType, Transmission transmission,
        BodyType bodyType, Integer yearMin, Integer yearMax, BigDecimal priceMin, BigDecimal priceMax,
        Integer mileageMax) {

    static SearchFilters of(SearchCriteria criteria) {
        return new SearchFilters(criteria.q(), criteria.make(), criteria.model(), criteria.fuelType(),
                criteria.transmission(), criteria.bodyType(), criteria.yearMin(), criteria.yearMax(),
                normalized(criteria.priceMin()), normalized(criteria.priceMax()), criteria.mileageMax());
    }

    private static BigDecimal normalized(BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros();
    }
}
