package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.adapters.r2dbc.support.Binder;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;

/**
 * The SQL of one search: the conditions of its filters ({@link FilterConditions}), its order and its page.
 *
 * <p>The page reads the page's narrow (sort key, id) tuples first, along the index of its sort key,
 * and joins only those rows back for the full columns (deferred join); {@link #countSql()} counts the
 * matches on its own. They used to share one statement ({@code count(*) OVER ()} beside the page): at
 * 1 000 000 cars the window over every match spilled to disk and made each uncached search cost a full
 * count (docs/performance.md, "Catalogue size").
 */
final class CarSearchStatements {

    private static final String AVAILABLE = "status = 'AVAILABLE'";

    private final FilterConditions filters;
    private final String where;
    private final String sortColumn;
    private final String direction;
    private final SearchCriteria criteria;

    private CarSearchStatements(SearchCriteria criteria) {
        this.criteria = criteria;
        this.filters = FilterConditions.of(criteria.filters());
        this.where = filters.after(AVAILABLE);
        this.sortColumn = sortColumn(criteria.sort());
        this.direction = descending(criteria.sort()) ? "DESC" : "ASC";
    }

    static CarSearchStatements of(SearchCriteria criteria) {
        return new CarSearchStatements(criteria);
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
        return criteria.filters().q() == null ? "cars WHERE " + where
                : "(SELECT id, " + sortColumn + " FROM cars WHERE " + where + " OFFSET 0) AS text_matches";
    }

    String countSql() {
        return "SELECT count(*) AS total FROM cars WHERE " + where;
    }

    /** Bind values of the filters only (for {@link #countSql()}). */
    Binder filterValues() {
        return filters.values();
    }

    /** Bind values of the filters plus paging (for the page statements). */
    Binder pageValues() {
        return new Binder().bindAll(filters.values()).bind("limit", criteria.limit()).bind("offset", criteria.offset());
    }

    /** Sort key, then id ascending (PostgreSQL's uuid order) as the tie-breaker. */
    private String orderBy(String prefix) {
        return prefix + sortColumn + " " + direction + ", " + prefix + "id";
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
