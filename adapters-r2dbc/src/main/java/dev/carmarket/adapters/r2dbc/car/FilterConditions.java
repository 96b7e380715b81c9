package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.ports.domain.car.CarFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a search's {@link CarFilters}. Only the filters present get a condition, so each combination
 * gets a plan that can use its index, and every user value is a bind parameter.
 */
final class FilterConditions {

    private final String prefix;
    private final List<String> sql = new ArrayList<>();
    private final Binder values = new Binder();

    private FilterConditions(String prefix) {
        this.prefix = prefix;
    }

    static FilterConditions of(CarFilters filters) {
        return of(filters, "");
    }

    /**
     * @param prefix put before every bind name, so that several searches' conditions can share one statement
     *               ({@link SearchTotalCounts})
     */
    static FilterConditions of(CarFilters filters, String prefix) {
        FilterConditions conditions = new FilterConditions(prefix);
        if (filters.q() != null) {
            // one trigram index per column: the planner combines them in a BitmapOr
            conditions.add("(title ILIKE :q OR make ILIKE :q OR model ILIKE :q)", "q",
                    "%" + escapeLike(filters.q()) + "%");
        }
        conditions.equal("make", filters.make());
        conditions.equal("model", filters.model());
        conditions.equal("fuel_type", nameOf(filters.fuelType()));
        conditions.equal("transmission", nameOf(filters.transmission()));
        conditions.equal("body_type", nameOf(filters.bodyType()));
        conditions.add("year >= :yearMin", "yearMin", filters.yearMin());
        conditions.add("year <= :yearMax", "yearMax", filters.yearMax());
        conditions.add("price >= :priceMin", "priceMin", filters.priceMin());
        conditions.add("price <= :priceMax", "priceMax", filters.priceMax());
        conditions.add("mileage_km <= :mileageMax", "mileageMax", filters.mileageMax());
        return conditions;
    }

    /**
     * The conditions joined by AND ({@code TRUE} without any), for a statement that already reads only
     * available cars: without the status condition, a count over a partial index of available cars that
     * holds every filtered column needs no row at all.
     */
    String joined() {
        return sql.isEmpty() ? "TRUE" : String.join(" AND ", sql);
    }

    /** {@code first} and then every condition, joined by AND. */
    String after(String first) {
        return sql.isEmpty() ? first : first + " AND " + String.join(" AND ", sql);
    }

    /** The bind values of the conditions. */
    Binder values() {
        return values;
    }

    /** Escapes LIKE metacharacters so user text matches literally (backslash is PostgreSQL's LIKE escape). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void equal(String column, String value) {
        add(column + " = :" + column, column, value);
    }

    /** {@code condition} names its value {@code :name}; added only when there is a value. */
    private void add(String condition, String name, Object value) {
        if (value != null) {
            sql.add(condition.replace(":" + name, ":" + prefix + name));
            values.bind(prefix + name, value);
        }
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
