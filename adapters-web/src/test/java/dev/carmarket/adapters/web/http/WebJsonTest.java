package dev.carmarket.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebJsonTest {

    record Amount(BigDecimal value, String note) {
    }

    final WebJson json = new WebJson();

    @Test
    void decimalsAreReadExactlyNotThroughADouble() {
        Amount amount = json.binderFor(Amount.class)
                .apply(json.readTree("{\"value\":12345678901234567.89}".getBytes(StandardCharsets.UTF_8)));

        assertThat(amount.value()).isEqualTo(new BigDecimal("12345678901234567.89"));
    }

    @Test
    void decimalsAndNullsAreWrittenAsTheContractShowsThem() {
        String written = new String(json.write(new Amount(new BigDecimal("18990.00"), null)), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"value\":18990.00,\"note\":null}");
        assertThat(new String(json.write(new Amount(new BigDecimal("1E+3").setScale(2), "x")),
                StandardCharsets.UTF_8)).isEqualTo("{\"value\":1000.00,\"note\":\"x\"}");
    }
}
