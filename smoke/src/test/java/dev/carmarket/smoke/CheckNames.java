package dev.carmarket.smoke;

import java.util.List;

/** The report names of the pack's checks, as operators and CI read them. */
final class CheckNames {

    static final String LIVENESS = "health: GET /health/live is UP";
    static final String SEARCH = "search: unfiltered page has the list envelope and consistent pagination";
    static final String SORTED_SEARCH = "search: fuelType=PETROL&sort=price_asc is filtered and ordered";
    static final String DETAILS = "details: GET /car-details/{id} of a listed car";
    static final String UNKNOWN_CAR = "details: unknown id is 404 \"Car not found\"";
    static final String INVALID_LIMIT = "validation: limit=0 is 400 naming limit";
    static final String STRICT_BODY = "strict body: unknown property on POST /orders is 400 and creates nothing";
    static final String CORRELATION = "correlation: X-Request-Id is echoed on success and error responses";
    static final String SECURITY_HEADERS = "security headers: helmet baseline on success and error responses";
    static final String READINESS = "internal: GET /health/ready is UP";
    static final String METRICS = "internal: GET /metrics exposes the required series";
    static final String WRITE_STRICT =
            "write: unknown property on POST /orders for a real car is 400 and the car stays AVAILABLE";
    static final String WRITE_ORDER = "write: POST /orders places a PENDING_PAYMENT order at the car's price";
    static final String WRITE_REPLAY = "write: replaying the Idempotency-Key returns the same order";
    static final String WRITE_PAYMENT = "write: POST /payments starts a PENDING payment for the order amount";
    static final String WRITE_WEBHOOK = "write: signed payment.succeeded webhook is acknowledged";
    static final String WRITE_PAID = "write: the order reads as PAID and the payment as CAPTURED";

    static final List<String> READ_ONLY = List.of(LIVENESS, SEARCH, SORTED_SEARCH, DETAILS, UNKNOWN_CAR,
            INVALID_LIMIT, STRICT_BODY, CORRELATION, SECURITY_HEADERS);

    private CheckNames() {
    }
}
