package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL of one search. Only the filters present are added, so each combination gets a plan
 * that can use its index, and every user value is a bind parameter.
 *
 * <p>The page reads the page's narrow (sort key, id) tuples first, along the index of its sort key,
 * and joins only those rows back for the full columns (deferred join); {@link #countSql()} counts the
 * matches on its own. They used to share one statement ({@code count(*) OVER ()} beside the page): at
 * 1 000 000 cars the window over every match spilled to disk and made each uncached search cost a full
 * count (docs/performance.md, "Catalogue size").
 */
final class CarSearchStatements {

    private static final String AVAILABLE = "status = 'AVAILABLE'";

    private final List<String> filters;
    private final String where;
    private final String sortColumn;
    private final String direction;
    private final SearchCriteria criteria;
    private final Binder filterValues;

    private CarSearchStatements(SearchCriteria criteria, List<String> filters, Binder filterValues) {
        this.criteria = criteria;
        this.filters = List.copyOf(filters);
        this.where = String.join(" AND ", Stream.concat(Stream.of(AVAILABLE), filters.stream()).toList());
        this.filterValues = filterValues;
        this.sortColumn = sortColumn(criteria.sort());
        this.direction = descending(criteria.sort()) ? "DESC" : "ASC";
    }

    static CarSearchStatements of(SearchCriteria criteria) {
        return of(criteria, "");
    }

    /**
     * @param prefix put before every bind name, so that several searches' conditions can share one statement
     *               ({@link SearchTotalCounts})
     */
    static CarSearchStatements of(SearchCriteria criteria, String prefix) {
        Conditions conditions = new Conditions(prefix);
        if (criteria.q() != null) {
            // one trigram index per column: the planner combines them in a BitmapOr
            conditions.add("(title ILIKE :q OR make ILIKE :q OR model ILIKE :q)", "q",
                    "%" + escapeLike(criteria.q()) + "%");
        }
        conditions.equal("make", criteria.make());
        conditions.equal("model", criteria.model());
        conditions.equal("fuel_type", nameOf(criteria.fuelType()));
        conditions.equal("transmission", nameOf(criteria.transmission()));
        conditions.equal("body_type", nameOf(criteria.bodyType()));
        conditions.add("year >= :yearMin", "yearMin", criteria.yearMin());
        conditions.add("year <= :yearMax", "yearMax", criteria.yearMax());
        conditions.add("price >= :priceMin", "priceMin", criteria.priceMin());
        conditions.add("price <= :priceMax", "priceMax", criteria.priceMax());
        conditions.add("mileage_km <= :mileageMax", "mileageMax", criteria.mileageMax());
        return new CarSearchStatements(criteria, conditions.sql, conditions.values);
    }

    /**
     * The user's filters alone, joined by AND ({@code TRUE} without any), for a statement that already
     * reads only available cars: without the status condition, a count over a partial index of available
     * cars that holds every filtered column needs no row at all.
     */
    String filters() {
        return filters.isEmpty() ? "TRUE" : String.join(" AND ", filters);
    }

    String pageSql() {
        return "SELECT " + CarRows.columns(CarRows.SUMMARY_COLUMNS, "c") + " FROM ("
                + "SELECT id, " + sortColumn + " FROM " + matches()
                + " ORDER BY " + orderBy("") + " LIMIT :limit OFFSET :offset"
                + ") AS p JOIN cars AS c ON c.id = p.id ORDER BY " + orderBy("p.");
    }

    /**
     * Free text is not in the sort indexes: walking one and checking each car's title reads a row per
     * car until the page is full, which for a rare word is most of the table. Its matches are found
     * first, through the trigram indexes (a materialized subquery the planner cannot turn into that
     * walk), then sorted.
     */
    private String matches() {
        return criteria.q() == null ? "cars WHERE " + where
                : "(SELECT id, " + sortColumn + " FROM cars WHERE " + where + " OFFSET 0) AS text_matches";
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

    /** Conditions with their bind values, every bind name prefixed. */
    private static final class Conditions {

        private final String prefix;
        private final List<String> sql = new ArrayList<>();
        private final Binder values = new Binder();

        private Conditions(String prefix) {
            this.prefix = prefix;
        }

        void add(String condition) {
            sql.add(condition);
        }

        void equal(String column, String value) {
            add(column + " = :" + column, column, value);
        }

        /** {@code condition} names its value {@code :name}; added only when there is a value. */
        void add(String condition, String name, Object value) {
            if (value != null) {
                sql.add(condition.replace(":" + name, ":" + prefix + name));
                values.bind(prefix + name, value);
            }
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
