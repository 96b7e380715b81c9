package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.error;
import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.messages;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.Engine;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.Transmission;
import dev.carmarket.ports.testing.TestCars;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class CarRoutesTest extends WebAdapterTest {

    static final String GOLF = "0b8f8a52-3c1e-4d7a-9a57-5a2f3e1c0001";
    static final String TESLA = "0b8f8a52-3c1e-4d7a-9a57-5a2f3e1c0002";
    static final String SOLD_BMW = "0b8f8a52-3c1e-4d7a-9a57-5a2f3e1c0003";


    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(TestCars.car().id(GOLF).build(),
                TestCars.car().id(TESLA).make("Tesla").model("Model 3").year(2022).price("39990.50")
                        .fuelType(FuelType.ELECTRIC).transmission(Transmission.AUTOMATIC)
                        .bodyType(BodyType.SEDAN).engine(new Engine(208, null)).thumbnailUrl(null)
                        .listedAt("2026-11-20T08:00:00Z").build(),
                TestCars.car().id(SOLD_BMW).make("BMW").model("320d").status(CarStatus.SOLD).build());
    }

    @Test
    void searchListsAvailableCarsNewestFirstInTheListEnvelope() {
        JsonNode body = success(client.get().uri("/car-details/search").exchange(), 200, "car-search-response.json");

        assertThat(ids(body)).containsExactly(TESLA, GOLF);
        assertThat(body.get("pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":20,\"total\":2,\"totalPages\":1}");
        JsonNode golf = body.get("data").get(1);
        assertThat(golf.toString()).isEqualTo("{\"id\":\"" + GOLF + "\",\"title\":\"2019 Volkswagen Golf\","
                + "\"make\":\"Volkswagen\",\"model\":\"Golf\",\"year\":2019,"
                + "\"price\":{\"amount\":18990.00,\"currency\":\"EUR\"},\"mileageKm\":42000,\"fuelType\":\"PETROL\","
                + "\"transmission\":\"MANUAL\",\"bodyType\":\"HATCHBACK\",\"location\":\"Berlin\","
                + "\"thumbnailUrl\":\"https://img.example/cars/thumb.jpg\",\"status\":\"AVAILABLE\","
                + "\"listedAt\":\"2026-11-01T09:30:00Z\"}");
        assertThat(body.get("data").get(0).get("thumbnailUrl").isNull()).isTrue();
    }

    @Test
    void searchFiltersSortsPagesAndIgnoresUnknownParameters() {
        JsonNode body = success(client.get()
                .uri("/car-details/search?fuelType=ELECTRIC&priceMin=1000.5&sort=price_desc&page=1&limit=1"
                        + "&utm_source=x")
                .exchange(), 200, "car-search-response.json");

        assertThat(ids(body)).containsExactly(TESLA);
        assertThat(body.get("pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":1,\"total\":1,\"totalPages\":1}");
    }

    @Test
    void aPageBeyondTheLastIsEmptyButKeepsTheTotal() {
        JsonNode body = success(client.get().uri("/car-details/search?page=3&limit=1").exchange(), 200,
                "car-search-response.json");

        assertThat(ids(body)).isEmpty();
        assertThat(body.get("pagination").toString())
                .isEqualTo("{\"page\":3,\"limit\":1,\"total\":2,\"totalPages\":2}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=abc                    | limit must be an integer number",
        "limit=1000                   | limit must not be greater than 100",
        "limit=0                      | limit must not be less than 1",
        "limit=99999999999999999999   | limit must not be greater than 100",
        "page=0                       | page must not be less than 1",
        "page=1.5                     | page must be an integer number",
        "yearMin=2020&yearMax=2010    | yearMin must not be greater than yearMax",
        "yearMin=1800                 | yearMin must be between 1900 and 2100",
        "priceMin=500&priceMax=100    | priceMin must not be greater than priceMax",
        "priceMin=12.345              | priceMin must be a number conforming to the specified constraints",
        "priceMax=cheap               | priceMax must be a number conforming to the specified constraints",
        "mileageMax=-1                | mileageMax must not be less than 0",
        "fuelType=KEROSENE            | fuelType must be one of the following values: PETROL, DIESEL, HYBRID, ELECTRIC, LPG",
        "fuelType=petrol              | fuelType must be one of the following values: PETROL, DIESEL, HYBRID, ELECTRIC, LPG",
        "transmission=CVT             | transmission must be one of the following values: MANUAL, AUTOMATIC",
        "bodyType=LIMO                | bodyType must be one of the following values: SEDAN, HATCHBACK, ESTATE, SUV, COUPE, CONVERTIBLE, VAN, PICKUP",
        "sort=cheapest                | sort must be one of the following values: newest, price_asc, price_desc, year_desc, year_asc, mileage_asc",
        "make=                        | make must be between 1 and 100 characters",
    })
    void eachMalformedSearchParameterIsA400NamingIt(String query, String problem) {
        validationError(client.get().uri("/car-details/search?" + query).exchange(), problem);
    }

    @Test
    void everySearchProblemIsReportedAtOnce() {
        validationError(client.get().uri("/car-details/search?limit=abc&page=0&fuelType=X&yearMin=2020&yearMax=2010")
                        .exchange(),
                "limit must be an integer number",
                "page must not be less than 1",
                "fuelType must be one of the following values: PETROL, DIESEL, HYBRID, ELECTRIC, LPG",
                "yearMin must not be greater than yearMax");
    }

    @Test
    void searchProblemsComeInParameterOrderParseErrorsFirstThenFilterBoundsThenPagingThenRanges() {
        JsonNode body = error(client.get()
                .uri("/car-details/search?yearMax=2010&page=0&make=&limit=abc&mileageMax=-1&yearMin=2020&fuelType=X")
                .exchange(), 400);

        assertThat(messages(body)).containsExactly(
                "fuelType must be one of the following values: PETROL, DIESEL, HYBRID, ELECTRIC, LPG",
                "limit must be an integer number",
                "make must be between 1 and 100 characters",
                "mileageMax must not be less than 0",
                "page must not be less than 1",
                "yearMin must not be greater than yearMax");
    }

    @Test
    void detailsShowEveryFieldOfACarInAnyStatus() {
        JsonNode body = success(client.get().uri("/car-details/" + SOLD_BMW).exchange(), 200,
                "car-details-response.json");

        JsonNode car = body.get("data");
        assertThat(car.get("id").asString()).isEqualTo(SOLD_BMW);
        assertThat(car.get("status").asString()).isEqualTo("SOLD");
        assertThat(car.get("title").asString()).isEqualTo("2019 BMW 320d");
        assertThat(car.get("description").asString()).isEqualTo("Well kept, full service history.");
        assertThat(car.get("color").asString()).isEqualTo("Blue");
        assertThat(car.get("doors").asInt()).isEqualTo(5);
        assertThat(car.get("seats").asInt()).isEqualTo(5);
        assertThat(car.get("engine").toString()).isEqualTo("{\"powerKw\":110,\"displacementCc\":1498}");
        assertThat(car.get("features").toString()).isEqualTo("[\"Air conditioning\",\"Navigation system\"]");
        assertThat(car.get("images").toString())
                .isEqualTo("[\"https://img.example/cars/1.jpg\",\"https://img.example/cars/2.jpg\"]");
        assertThat(car.get("seller").toString()).isEqualTo("{\"name\":\"Autohaus Berlin\",\"city\":\"Berlin\"}");
    }

    @Test
    void anElectricCarHasANullDisplacement() {
        JsonNode car = success(client.get().uri("/car-details/" + TESLA).exchange(), 200,
                "car-details-response.json").get("data");

        assertThat(car.get("engine").toString()).isEqualTo("{\"powerKw\":208,\"displacementCc\":null}");
        assertThat(car.get("price").toString()).isEqualTo("{\"amount\":39990.50,\"currency\":\"EUR\"}");
    }

    @Test
    void anUppercaseIdFindsTheCarAndIsAnsweredLowercase() {
        JsonNode car = success(client.get().uri("/car-details/" + GOLF.toUpperCase()).exchange(), 200,
                "car-details-response.json").get("data");

        assertThat(car.get("id").asString()).isEqualTo(GOLF);
    }

    @Test
    void aMalformedCarIdIsA400() {
        validationError(client.get().uri("/car-details/not-a-uuid").exchange(), "id must be a UUID");
    }

    @Test
    void anUnknownCarIsA404() {
        errorMessage(client.get().uri("/car-details/0b8f8a52-3c1e-4d7a-9a57-5a2f3e1cffff").exchange(), 404,
                "Car not found");
    }

    private static List<String> ids(JsonNode listBody) {
        return StreamSupport.stream(listBody.get("data").spliterator(), false)
                .map(car -> car.get("id").asString())
                .toList();
    }
}
