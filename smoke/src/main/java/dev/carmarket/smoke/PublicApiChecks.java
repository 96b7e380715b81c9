package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read-only checks of the public routes the front-end depends on. */
final class PublicApiChecks {

    private static final int DEFAULT_LIMIT = 20;
    private static final int SORTED_PAGE_LIMIT = 50;
    private static final String SORTED_SEARCH =
            CarSearch.PATH + "?fuelType=PETROL&sort=price_asc&limit=" + SORTED_PAGE_LIMIT;
    private static final List<String> PAGINATION_KEYS = List.of("page", "limit", "total", "totalPages");
    private static final List<String> FIELDS_SHARED_WITH_SEARCH = List.of("id", "title", "make", "model", "year");

    private final ResponseAssertions expect;
    private final JsonMapper mapper;

    PublicApiChecks(ResponseAssertions expect, JsonMapper mapper) {
        this.expect = expect;
        this.mapper = mapper;
    }

    List<Check> checks() {
        return List.of(
                new Check("health: GET /health/live is UP", this::liveness),
                new Check("search: unfiltered page has the list envelope and consistent pagination",
                        this::unfilteredSearch),
                new Check("search: fuelType=PETROL&sort=price_asc is filtered and ordered", this::sortedSearch),
                new Check("details: GET /car-details/{id} of a listed car", this::carDetails),
                new Check("details: unknown id is 404 \"Car not found\"", this::unknownCar),
                new Check("validation: limit=0 is 400 naming limit", this::invalidLimit),
                new Check("strict body: unknown property on POST /orders is 400 and creates nothing",
                        this::unknownOrderProperty));
    }

    private void liveness(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get("/health/live");
        expect.status(exchange, 200);
        JsonNode body = expect.jsonBody(exchange);
        failUnless(ResponseAssertions.isString(body.path("status"), "UP"),
                exchange.describe() + ": expected {\"status\":\"UP\"}, got " + body);
    }

    private void unfilteredSearch(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get(CarSearch.PATH);
        JsonNode body = expect.success(exchange, 200, ContractSchema.CAR_SEARCH);
        paginationHolds(exchange, body, DEFAULT_LIMIT);
        for (JsonNode car : body.path("data")) {
            fieldIs(exchange, car, "status", "AVAILABLE");
        }
    }

    private void sortedSearch(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get(SORTED_SEARCH);
        JsonNode body = expect.success(exchange, 200, ContractSchema.CAR_SEARCH);
        paginationHolds(exchange, body, SORTED_PAGE_LIMIT);
        JsonNode cars = body.path("data");
        failUnless(cars.size() >= 2, exchange.describe() + ": needs at least 2 PETROL cars to verify the price_asc "
                + "order, got " + cars.size());
        BigDecimal previous = null;
        for (JsonNode car : cars) {
            fieldIs(exchange, car, "status", "AVAILABLE");
            fieldIs(exchange, car, "fuelType", "PETROL");
            BigDecimal price = ResponseAssertions.decimal(car.path("price"), "amount", exchange.describe());
            failUnless(previous == null || previous.compareTo(price) <= 0, exchange.describe()
                    + ": price_asc violated: car " + car.path("id") + " costs "
                    + price.toPlainString() + " after one costing " + previous);
            previous = price;
        }
    }

    private void carDetails(CheckSession session) throws CheckFailure {
        JsonNode listed = CarSearch.firstListedCar(session, expect);
        String id = ResponseAssertions.string(listed, "id", "search result");
        Exchange exchange = session.get("/car-details/" + id);
        JsonNode details = expect.success(exchange, 200, ContractSchema.CAR_DETAILS).path("data");
        for (String field : FIELDS_SHARED_WITH_SEARCH) {
            failUnless(details.path(field).equals(listed.path(field)), exchange.describe() + ": " + field + " "
                    + details.path(field) + " differs from the search result's " + listed.path(field));
        }
    }

    private void unknownCar(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get("/car-details/" + UUID.randomUUID());
        JsonNode message = expect.error(exchange, 404).path("message");
        failUnless(ResponseAssertions.isString(message, "Car not found"),
                exchange.describe() + ": message must be \"Car not found\", got " + message);
    }

    private void invalidLimit(CheckSession session) throws CheckFailure {
        Exchange exchange = session.get(CarSearch.PATH + "?limit=0");
        JsonNode message = expect.error(exchange, 400).path("message");
        failUnless(message.isArray(), exchange.describe() + ": a validation message must be an array, got "
                + message);
        failUnless(ResponseAssertions.anyEntry(message, entry -> entry.contains("limit")),
                exchange.describe() + ": no message entry names limit: " + message);
    }

    /**
     * Safe against production: the car id is random, so even a service that wrongly accepted the unknown
     * property could not create an order (the write flow repeats this with a real car).
     */
    private void unknownOrderProperty(CheckSession session) throws CheckFailure {
        String body = mapper.writeValueAsString(
                OrderRequestBodies.pickupOrderWithUnknownProperty(mapper, UUID.randomUUID().toString()));
        Exchange exchange = session.post("/orders", body, Map.of());
        expect.strictRejection(exchange, OrderRequestBodies.UNKNOWN_PROPERTY);
    }

    /** page 1 as requested, limit as requested, totalPages = ceil(total / limit), no more than limit items. */
    private static void paginationHolds(Exchange exchange, JsonNode body, int limit) throws CheckFailure {
        JsonNode pagination = body.path("pagination");
        String where = exchange.describe() + ": pagination.";
        for (String key : PAGINATION_KEYS) {
            failUnless(pagination.path(key).isIntegralNumber(), where + key + " must be a JSON integer, got "
                    + pagination.path(key));
        }
        ResponseAssertions.keyOrder(exchange, pagination, "pagination", PAGINATION_KEYS);
        long page = pagination.path("page").asLong();
        long actualLimit = pagination.path("limit").asLong();
        long total = pagination.path("total").asLong();
        long totalPages = pagination.path("totalPages").asLong();
        int items = body.path("data").size();
        failUnless(page == 1, where + "page is " + page + ", expected 1");
        failUnless(actualLimit == limit, where + "limit is " + actualLimit + ", expected " + limit);
        failUnless(items <= limit, exchange.describe() + ": " + items + " items exceed the limit " + limit);
        failUnless(total >= items, where + "total " + total + " is below the " + items + " items on the page");
        long expectedPages = (total + limit - 1) / limit;
        failUnless(totalPages == expectedPages, where + "totalPages is " + totalPages + ", but ceil(" + total + " / "
                + limit + ") = " + expectedPages);
    }

    private static void fieldIs(Exchange exchange, JsonNode car, String field, String expected) throws CheckFailure {
        failUnless(ResponseAssertions.isString(car.path(field), expected), exchange.describe() + ": car "
                + car.path("id") + " has "
                + field + " " + car.path(field) + ", expected " + expected);
    }
}
