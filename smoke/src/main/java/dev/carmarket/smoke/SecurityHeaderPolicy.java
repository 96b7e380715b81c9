package dev.carmarket.smoke;

import java.util.List;
import java.util.stream.Stream;

/**
 * How strictly the security headers are checked (docs/security.md, "Secure headers"). Values a route may legitimately
 * tighten (DENY for X-Frame-Options, any Content-Security-Policy with a default-src) are accepted.
 */
enum SecurityHeaderPolicy {
    /** The essential headers: what any deployment must send. */
    CORE(coreRules()),
    /** The full helmet 8 baseline the service promises (the default). */
    HELMET(Stream.concat(coreRules().stream(), Stream.of(
            HeaderRule.equalTo("Cross-Origin-Opener-Policy", "same-origin"),
            HeaderRule.equalTo("Cross-Origin-Resource-Policy", "same-origin"),
            HeaderRule.equalTo("Origin-Agent-Cluster", "?1"),
            HeaderRule.equalTo("X-DNS-Prefetch-Control", "off"),
            HeaderRule.equalTo("X-Download-Options", "noopen"),
            HeaderRule.equalTo("X-Permitted-Cross-Domain-Policies", "none"),
            HeaderRule.equalTo("X-XSS-Protection", "0"))).toList());

    private final List<HeaderRule> rules;

    SecurityHeaderPolicy(List<HeaderRule> rules) {
        this.rules = rules;
    }

    List<HeaderRule> rules() {
        return rules;
    }

    private static List<HeaderRule> coreRules() {
        return List.of(
                HeaderRule.equalTo("X-Content-Type-Options", "nosniff"),
                HeaderRule.strictTransportSecurity(),
                HeaderRule.oneOf("X-Frame-Options", "SAMEORIGIN", "DENY"),
                HeaderRule.equalTo("Referrer-Policy", "no-referrer"),
                HeaderRule.containing("Content-Security-Policy", "default-src"),
                HeaderRule.absent("X-Powered-By"),
                HeaderRule.serverWithoutVersion());
    }
}
