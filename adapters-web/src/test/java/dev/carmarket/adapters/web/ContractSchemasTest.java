package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.parse;
import static dev.carmarket.adapters.web.support.ContractAssertions.schemaErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schemas are strict enough to catch a broken response: each document below breaks
 * one promise of the contract (docs/api.md) and must be rejected, while its valid twin passes.
 */
class ContractSchemasTest {

    static final String ORDER = """
            {"success":true,"data":{"id":"6f1c8a2e-4b7d-4c3e-9f10-2a3b4c5d6e7f","orderNumber":"ORD-2026-000123",
             "status":"PENDING_PAYMENT","carId":"0b8f8a52-3c1e-4d7a-9a57-5a2f3e1c0001","amount":18990.00,
             "currency":"EUR","customer":{"fullName":"Jane Doe","email":"j***@example.com","phone":"+49*******678"},
             "deliveryOption":"PICKUP","createdAt":"2026-11-26T12:00:00Z","expiresAt":"2026-11-26T12:30:00.123Z"}}""";
    static final String ERROR = """
            {"statusCode":400,"message":["limit must not be greater than 100"],"error":"Bad Request",
             "requestId":"r-1"}""";
    static final String SEARCH = """
            {"success":true,"data":[{"id":"0b8f8a52-3c1e-4d7a-9a57-5a2f3e1c0001","title":"2019 Volkswagen Golf",
             "make":"Volkswagen","model":"Golf","year":2019,"price":{"amount":18990,"currency":"EUR"},
             "mileageKm":42000,"fuelType":"PETROL","transmission":"MANUAL","bodyType":"HATCHBACK",
             "location":"Berlin","thumbnailUrl":null,"status":"AVAILABLE","listedAt":"2026-11-01T09:30:00Z"}],
             "pagination":{"page":1,"limit":20,"total":1,"totalPages":1}}""";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order-response.json  | ORDER  | '\"amount\":18990.00'                  | '\"amount\":18990.001'",
        "order-response.json  | ORDER  | '\"amount\":18990.00'                  | '\"amount\":\"18990.00\"'",
        "order-response.json  | ORDER  | 'j***@example.com'                     | 'jane@example.com'",
        "order-response.json  | ORDER  | '+49*******678'                        | '+4915112345678'",
        "order-response.json  | ORDER  | '6f1c8a2e-4b7d'                        | '6F1C8A2E-4B7D'",
        "order-response.json  | ORDER  | '2026-11-26T12:00:00Z'                 | '2026-11-26T13:00:00+01:00'",
        "order-response.json  | ORDER  | 'PENDING_PAYMENT'                      | 'pending'",
        "order-response.json  | ORDER  | '\"success\":true'                     | '\"success\":false'",
        "order-response.json  | ORDER  | '\"deliveryOption\":\"PICKUP\",'       | ''",
        "error-response.json  | ERROR  | '[\"limit must not be greater than 100\"]' | '[]'",
        "error-response.json  | ERROR  | '[\"limit must not be greater than 100\"]' | '42'",
        "error-response.json  | ERROR  | '\"requestId\":\"r-1\"'                | '\"requestId\":\"\"'",
        "error-response.json  | ERROR  | '\"error\":\"Bad Request\",'           | ''",
        "car-search-response.json | SEARCH | '\"limit\":20'                     | '\"limit\":101'",
        "car-search-response.json | SEARCH | '\"thumbnailUrl\":null'            | '\"thumbnailUrl\":7'",
        "car-search-response.json | SEARCH | 'HATCHBACK'                        | 'LIMOUSINE'",
        "car-search-response.json | SEARCH | '\"total\":1,'                     | ''",
    })
    void aDocumentBreakingTheContractIsRejected(String schema, String document, String valid, String broken) {
        String json = switch (document) {
            case "ORDER" -> ORDER;
            case "ERROR" -> ERROR;
            default -> SEARCH;
        };
        assertThat(json).contains(valid);

        assertThat(schemaErrors(schema, parse(json))).isEmpty();
        assertThat(schemaErrors(schema, parse(json.replace(valid, broken)))).isNotEmpty();
    }
}
