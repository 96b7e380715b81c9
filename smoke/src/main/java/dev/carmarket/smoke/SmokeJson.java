package dev.carmarket.smoke;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The pack's one JSON configuration. */
final class SmokeJson {

    private SmokeJson() {
    }

    /** Decimals stay exact (BigDecimal) so that money is compared exactly, never as double. */
    static JsonMapper newMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}
