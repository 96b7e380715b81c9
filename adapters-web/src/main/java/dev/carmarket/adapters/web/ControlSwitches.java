package dev.carmarket.adapters.web;

import java.util.List;

/**
 * Spring properties that switch a production control off, for measuring what it costs (benchmarks/compare.sh)
 * and nothing else: each is on unless set to {@code false}, and the application warns at startup about every
 * one that is off. They are deliberately not among the environment variables of README.md, "Configuration".
 */
public final class ControlSwitches {

    /** The helmet baseline and {@code Cache-Control: no-store} ({@code SecurityHeadersFilter}). */
    public static final String SECURITY_HEADERS = "carmarket.controls.security-headers";
    /** The CORS allowlist ({@code CorsAllowlistFilter}); off, no CORS header is sent and preflights are not answered. */
    public static final String CORS = "carmarket.controls.cors";
    /** {@code X-Request-Id} on every response and in the Reactor Context ({@code RequestIdFilter}). */
    public static final String REQUEST_CORRELATION = "carmarket.controls.request-correlation";

    public static final List<String> ALL = List.of(SECURITY_HEADERS, CORS, REQUEST_CORRELATION);

    private ControlSwitches() {
    }
}
