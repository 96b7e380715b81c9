package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import tools.jackson.databind.JsonNode;

/** The search endpoint, as the checks that need a real car use it. */
final class CarSearch {

    static final String PATH = "/car-details/search";

    private CarSearch() {
    }

    /** The first car of the default search (only AVAILABLE cars are listed), validated against the schema. */
    static JsonNode firstListedCar(CheckSession session, ResponseAssertions expect) throws CheckFailure {
        JsonNode cars = expect.success(session.get(PATH), 200, ContractSchema.CAR_SEARCH).path("data");
        failUnless(cars.size() > 0, "GET " + PATH + " listed no cars; a car is needed for this check");
        return cars.get(0);
    }
}
