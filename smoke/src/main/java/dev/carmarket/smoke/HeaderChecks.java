package dev.carmarket.smoke;

import static dev.carmarket.smoke.CheckFailure.failUnless;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Correlation and security headers, on a success and on an error response (errors included, per contract). */
final class HeaderChecks {

    private final SecurityHeaderPolicy policy;

    HeaderChecks(SecurityHeaderPolicy policy) {
        this.policy = policy;
    }

    List<Check> checks() {
        return List.of(
                new Check("correlation: X-Request-Id is echoed on success and error responses", this::requestIdEchoed),
                new Check("security headers: " + policy.name().toLowerCase(Locale.ROOT) + " baseline on success and error "
                        + "responses", this::securityHeaders));
    }

    private void requestIdEchoed(CheckSession session) throws CheckFailure {
        for (Exchange exchange : sampleResponses(session)) {
            Optional<String> echoed = exchange.header(HttpProbe.REQUEST_ID_HEADER);
            failUnless(echoed.isPresent() && echoed.get().equals(exchange.requestId()),
                    exchange.describe() + " (HTTP " + exchange.status() + "): X-Request-Id sent " + exchange.requestId()
                            + ", got back " + echoed.map(id -> "'" + id + "'").orElse("none"));
        }
    }

    private void securityHeaders(CheckSession session) throws CheckFailure {
        for (Exchange exchange : sampleResponses(session)) {
            List<String> violations = policy.rules().stream()
                    .flatMap(rule -> rule.violation(exchange).stream())
                    .toList();
            failUnless(violations.isEmpty(), exchange.describe() + " (HTTP " + exchange.status() + "): "
                    + String.join("; ", violations));
        }
    }

    private static List<Exchange> sampleResponses(CheckSession session) throws CheckFailure {
        return List.of(session.get(CarSearch.PATH + "?limit=1"), session.get("/car-details/" + UUID.randomUUID()));
    }
}
