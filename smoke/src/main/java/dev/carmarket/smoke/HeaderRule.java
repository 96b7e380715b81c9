package dev.carmarket.smoke;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** One response header requirement; {@code accepts} sees the header's value, or empty when it is absent. */
record HeaderRule(String header, String expectation, Predicate<Optional<String>> accepts) {

    private static final long ONE_YEAR_SECONDS = 31_536_000L;

    /** Exactly {@code value} (header values compared case-insensitively). */
    static HeaderRule equalTo(String header, String value) {
        return oneOf(header, value);
    }

    static HeaderRule oneOf(String header, String... values) {
        return new HeaderRule(header, String.join(" or ", values), value -> value
                .map(actual -> Arrays.stream(values).anyMatch(actual.trim()::equalsIgnoreCase))
                .orElse(false));
    }

    static HeaderRule containing(String header, String fragment) {
        return new HeaderRule(header, "a value containing " + fragment,
                value -> value.map(actual -> actual.contains(fragment)).orElse(false));
    }

    static HeaderRule absent(String header) {
        return new HeaderRule(header, "no such header", Optional::isEmpty);
    }

    /** A Server header, if any, must not reveal a version. */
    static HeaderRule serverWithoutVersion() {
        return new HeaderRule("Server", "no version", value -> value.map(v -> !v.matches(".*\\d.*")).orElse(true));
    }

    /** HSTS of at least a year, including subdomains (a longer max-age or preload only tightens it). */
    static HeaderRule strictTransportSecurity() {
        return new HeaderRule("Strict-Transport-Security", "max-age >= " + ONE_YEAR_SECONDS + "; includeSubDomains",
                value -> value.map(HeaderRule::isStrictEnoughHsts).orElse(false));
    }

    /** The violation of this rule by a response, if any, as a short reason. */
    Optional<String> violation(Exchange exchange) {
        Optional<String> value = exchange.header(header);
        if (accepts.test(value)) {
            return Optional.empty();
        }
        return Optional.of(value.map(v -> header + " is '" + v + "', expected " + expectation)
                .orElse(header + " missing, expected " + expectation));
    }

    private static boolean isStrictEnoughHsts(String value) {
        String[] directives = value.toLowerCase(Locale.ROOT).split(";");
        boolean includeSubDomains = false;
        long maxAge = -1;
        for (String directive : directives) {
            String trimmed = directive.trim();
            if (trimmed.equals("includesubdomains")) {
                includeSubDomains = true;
            } else if (trimmed.startsWith("max-age=")) {
                maxAge = parseSeconds(trimmed.substring("max-age=".length()));
            }
        }
        return includeSubDomains && maxAge >= ONE_YEAR_SECONDS;
    }

    private static long parseSeconds(String value) {
        try {
            return Long.parseLong(value.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
