package dev.carmarket.adapters.observability.metrics;

/**
 * Every store query by its fixed {@code query} label of {@code db.query} and {@code db.failures}
 * (ops dashboards and runbooks name them). {@code lookup} queries find one thing by key, so completing
 * empty means "not found" and is recorded as outcome {@code empty}; for every other query an empty
 * completion is its normal result (an insert, a claimed idempotency key) and is a {@code success}.
 */
enum StoreQuery {
    CAR_SEARCH("car.search", false),
    /** A cached search total counted again in the background, outside any port call ({@link BackgroundQueryMetrics}). */
    CAR_SEARCH_TOTAL("car.search_total", false),
    /** Several broad cached totals counted again in one pass, in the background ({@link BackgroundQueryMetrics}). */
    CAR_SEARCH_TOTALS("car.search_totals", false),
    CAR_FIND_BY_ID("car.find_by_id", true),
    CAR_CHANGE_STATUS("car.change_status", false),
    CAR_BULK_LOAD("car.bulk_load", false),
    CAR_COUNT("car.count", false),
    ORDER_INSERT("order.insert", false),
    ORDER_FIND_BY_ID("order.find_by_id", true),
    ORDER_CHANGE_STATUS("order.change_status", false),
    ORDER_FIND_EXPIRED("order.find_expired", false),
    ORDER_NEXT_NUMBER("order.next_number", false),
    /** The reservation quota's lock and count of a holder's pending orders. */
    ORDER_COUNT_ACTIVE("order.count_active", false),
    PAYMENT_INSERT("payment.insert", false),
    PAYMENT_FIND_BY_ID("payment.find_by_id", true),
    PAYMENT_FIND_BY_PROVIDER_REFERENCE("payment.find_by_provider_reference", true),
    PAYMENT_HAS_ACTIVE("payment.has_active", false),
    PAYMENT_CHANGE_STATUS("payment.change_status", false),
    EVENT_MARK_PROCESSED("event.mark_processed", false),
    IDEMPOTENCY_CLAIM("idempotency.claim", false);

    private final String label;
    private final boolean lookup;

    StoreQuery(String label, boolean lookup) {
        this.label = label;
        this.lookup = lookup;
    }

    /** The {@code query} label value. */
    String label() {
        return label;
    }

    boolean lookup() {
        return lookup;
    }
}
