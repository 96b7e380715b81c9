package dev.carmarket.smoke;

import static dev.carmarket.smoke.ContractStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged contract schemas load, resolve their cross-file references, and report violations by path. */
class ContractSchemasTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.loadFromClasspath();
    private final JsonMapper mapper = SmokeJson.newMapper();

    @Test
    void handWrittenContractFixturesConform() {
        assertThat(SCHEMAS.violations(ContractSchema.CAR_SEARCH, read("search-default.json"))).isEmpty();
        assertThat(SCHEMAS.violations(ContractSchema.CAR_DETAILS,
                mapper.readTree(fixture("car-details.json").replace("{{carStatus}}", "SOLD")))).isEmpty();
        assertThat(SCHEMAS.violations(ContractSchema.ERROR,
                mapper.readTree(fixture("error-car-not-found.json").replace("{{requestId}}", "smoke-1")))).isEmpty();
    }

    @Test
    void violationsNameTheJsonPath() {
        JsonNode badTimestamp = mapper.readTree(fixture("search-default.json")
                .replace("\"2026-11-20T09:30:00Z\"", "\"yesterday\""));

        assertThat(SCHEMAS.violations(ContractSchema.CAR_SEARCH, badTimestamp))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).startsWith("$.data[0].listedAt"));
    }

    @Test
    void moneyWithThreeDecimalsViolatesTheContract() {
        JsonNode order = mapper.readTree(fixture("order.json").replace("{{orderStatus}}", "PAID")
                .replace("\"amount\": 18990.00", "\"amount\": 18990.001"));

        assertThat(SCHEMAS.violations(ContractSchema.ORDER, order)).singleElement().asString()
                .startsWith("$.data.amount");
    }

    private JsonNode read(String name) {
        return mapper.readTree(fixture(name));
    }
}
