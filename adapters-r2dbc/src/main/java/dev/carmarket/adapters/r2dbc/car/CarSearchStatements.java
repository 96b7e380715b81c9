package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one search. Only the filters present are added, so each combination gets a plan
 * that can use its index, and every user value is a bind parameter.
 *
 * <p>Two page shapes, both reading the page's narrow (sort key, id) tuples first and joining
 * only those rows back for the full columns (deferred join):
 * <ul>
 * <li>{@link #pageWithTotalSql()}: also returns {@code count(*) OVER ()} of all matches, in one
 * round trip. The window sits in its own subquery below ORDER BY/LIMIT: PostgreSQL 15 costs
 * "LIMIT over WindowAgg" as if it could stop early and then prefers a presorted index scan that
 * filters the whole table (see the NestJS peer's measurements).</li>
 * <li>{@link #pageSql()}: the page alone, for when the total is cached.</li>
 * </ul>
 * {@link #countSql()} counts past the last page, where no row carries the window total, and renews a
 * cached total in the background.
 */
final class CarSearchStatements {

    private final String where;
    private final String sortColumn;
    private final String direction;
    private final SearchCriteria criteria;
    private final Binder filterValues;

    private CarSearchStatements(SearchCriteria criteria, String where, Binder filterValues) {
        this.criteria = criteria;
        this.where = where;
        this.filterValues = filterValues;
        this.sortColumn = sortColumn(criteria.sort());
        this.direction = descending(criteria.sort()) ? "DESC" : "ASC";
    }

    static CarSearchStatements of(SearchCriteria criteria) {
        Binder values = new Binder();
        List<String> conditions = new ArrayList<>();
        conditions.add("status = 'AVAILABLE'");
        if (criteria.q() != null) {
            values.bind("q", "%" + escapeLike(criteria.q()) + "%");
            // one trigram index per column: the planner combines them in a BitmapOr
            conditions.add("(title ILIKE :q OR make ILIKE :q OR model ILIKE :q)");
        }
        addEquals(conditions, values, "make", criteria.make());
        addEquals(conditions, values, "model", criteria.model());
        addEquals(conditions, values, "fuel_type", nameOf(criteria.fuelType()));
        addEquals(conditions, values, "transmission", nameOf(criteria.transmission()));
        addEquals(conditions, values, "body_type", nameOf(criteria.bodyType()));
        addBound(conditions, values, "year >= :yearMin", "yearMin", criteria.yearMin());
        addBound(conditions, values, "year <= :yearMax", "yearMax", criteria.yearMax());
        addBound(conditions, values, "price >= :priceMin", "priceMin", criteria.priceMin());
        addBound(conditions, values, "price <= :priceMax", "priceMax", criteria.priceMax());
        addBound(conditions, values, "mileage_km <= :mileageMax", "mileageMax", criteria.mileageMax());
        return new CarSearchStatements(criteria, String.join(" AND ", conditions), values);
    }

    String pageWithTotalSql() {
        return "SELECT " + CarRows.columns(CarRows.SUMMARY_COLUMNS, "c") + ", p.total FROM ("
                + "SELECT id, " + sortColumn + ", total FROM ("
                + "SELECT id, " + sortColumn + ", count(*) OVER () AS total FROM cars WHERE " + where
                + ") AS matches ORDER BY " + orderBy("") + " LIMIT :limit OFFSET :offset"
                + ") AS p JOIN cars AS c ON c.id = p.id ORDER BY " + orderBy("p.");
    }

    String pageSql() {
        return "SELECT " + CarRows.columns(CarRows.SUMMARY_COLUMNS, "c") + " FROM ("
                + "SELECT id, " + sortColumn + " FROM cars WHERE " + where
                + " ORDER BY " + orderBy("") + " LIMIT :limit OFFSET :offset"
                + ") AS p JOIN cars AS c ON c.id = p.id ORDER BY " + orderBy("p.");
    }

    String countSql() {
        return "SELECT count(*) AS total FROM cars WHERE " + where;
    }

    /** Bind values of the filters only (for {@link #countSql()}). */
    Binder filterValues() {
        return filterValues;
    }

    /** Bind values of the filters plus paging (for the page statements). */
    Binder pageValues() {
        return new Binder().bindAll(filterValues).bind("limit", criteria.limit()).bind("offset", criteria.offset());
    }

    /** Escapes LIKE metacharacters so user text matches literally (backslash is PostgreSQL's LIKE escape). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Sort key, then id ascending (PostgreSQL's uuid order) as the tie-breaker. */
    private String orderBy(String prefix) {
        return prefix + sortColumn + " " + direction + ", " + prefix + "id";
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void addEquals(List<String> conditions, Binder values, String column, String value) {
        addBound(conditions, values, column + " = :" + column, column, value);
    }

    private static void addBound(List<String> conditions, Binder values, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.bind(name, value);
        }
    }

    private static String sortColumn(SearchSort sort) {
        return switch (sort) {
            case NEWEST -> "listed_at";
            case PRICE_ASC, PRICE_DESC -> "price";
            case YEAR_DESC, YEAR_ASC -> "year";
            case MILEAGE_ASC -> "mileage_km";
        };
    }

    private static boolean descending(SearchSort sort) {
        return switch (sort) {
            case NEWEST, PRICE_DESC, YEAR_DESC -> true;
            case PRICE_ASC, YEAR_ASC, MILEAGE_ASC -> false;
        };
    }
}
