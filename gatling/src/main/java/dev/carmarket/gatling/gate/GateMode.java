package dev.carmarket.gatling.gate;

import java.util.Locale;

/** nightly blocks on failed assertions and regressions; pr only reports them. */
public enum GateMode {
    NIGHTLY,
    PR;

    static GateMode parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--mode must be nightly or pr, got '" + text + "'");
        }
    }

    public boolean blocks() {
        return this == NIGHTLY;
    }
}
