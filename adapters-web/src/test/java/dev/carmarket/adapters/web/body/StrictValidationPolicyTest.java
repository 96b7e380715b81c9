package dev.carmarket.adapters.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictValidationPolicyTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void withoutASpecEveryMutationRouteIsEnforced(String spec) {
        StrictValidationPolicy policy = StrictValidationPolicy.parse(spec);

        assertThat(policy.modeFor("POST /orders")).isEqualTo(StrictMode.ENFORCE);
        assertThat(policy.modeFor("POST /payments")).isEqualTo(StrictMode.ENFORCE);
        assertThat(policy.modeFor("POST /payments/webhook")).isEqualTo(StrictMode.ENFORCE);
    }

    @Test
    void namedRoutesTakeTheirModeAndTheOthersStayEnforced() {
        StrictValidationPolicy policy = StrictValidationPolicy.parse("POST /orders=enforce,POST /payments=report");

        assertThat(policy.modeFor("POST /orders")).isEqualTo(StrictMode.ENFORCE);
        assertThat(policy.modeFor("POST /payments")).isEqualTo(StrictMode.REPORT);
        assertThat(policy.modeFor("POST /payments/webhook")).isEqualTo(StrictMode.ENFORCE);
    }

    @Test
    void spacingCaseAndTrailingCommasAreTolerated() {
        StrictValidationPolicy policy =
                StrictValidationPolicy.parse(" POST  /payments/webhook = OFF , POST /orders=Report,");

        assertThat(policy.modeFor("POST /payments/webhook")).isEqualTo(StrictMode.OFF);
        assertThat(policy.modeFor("POST /orders")).isEqualTo(StrictMode.REPORT);
        assertThat(policy).isEqualTo(StrictValidationPolicy.parse("POST /orders=report,POST /payments/webhook=off"));
    }

    @Test
    void anUnknownRouteIsRejectedNamingTheVariableAndTheEntry() {
        assertThatThrownBy(() -> StrictValidationPolicy.parse("POST /orders=report,GET /orders=enforce"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRICT_VALIDATION")
                .hasMessageContaining("GET /orders=enforce");
    }

    @Test
    void anUnknownModeIsRejectedNamingTheVariableAndTheMode() {
        assertThatThrownBy(() -> StrictValidationPolicy.parse("POST /orders=strict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRICT_VALIDATION")
                .hasMessageContaining("'strict'");
    }

    @Test
    void anEntryWithoutAModeIsRejected() {
        assertThatThrownBy(() -> StrictValidationPolicy.parse("POST /orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRICT_VALIDATION")
                .hasMessageContaining("POST /orders");
    }

    @Test
    void aRouteWithoutAStrictBodyHasNoMode() {
        assertThatThrownBy(() -> StrictValidationPolicy.enforceAll().modeFor("GET /orders/{id}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
