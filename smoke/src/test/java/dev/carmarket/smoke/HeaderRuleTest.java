package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max-age=31536000; includeSubDomains|true",
        "max-age=63072000; includeSubDomains; preload|true",
        "includeSubDomains; max-age=31536000|true",
        "max-age=86400; includeSubDomains|false",
        "max-age=31536000|false",
        "max-age=forever; includeSubDomains|false"
    })
    void hstsNeedsAYearAndSubdomains(String value, boolean accepted) {
        Optional<String> violation = HeaderRule.strictTransportSecurity()
                .violation(responseWith("Strict-Transport-Security", value));

        assertThat(violation.isEmpty()).isEqualTo(accepted);
    }

    @Test
    void tighterFrameOptionsAreAcceptedAndLooserOnesNamed() {
        HeaderRule rule = HeaderRule.oneOf("X-Frame-Options", "SAMEORIGIN", "DENY");

        assertThat(rule.violation(responseWith("X-Frame-Options", "deny"))).isEmpty();
        assertThat(rule.violation(responseWith("X-Frame-Options", "ALLOW-FROM https://evil.example")))
                .contains("X-Frame-Options is 'ALLOW-FROM https://evil.example', expected SAMEORIGIN or DENY");
    }

    @Test
    void serverHeaderMayNotRevealAVersion() {
        HeaderRule rule = HeaderRule.serverWithoutVersion();

        assertThat(rule.violation(responseWith("Via", "proxy"))).isEmpty();
        assertThat(rule.violation(responseWith("Server", "nginx"))).isEmpty();
        assertThat(rule.violation(responseWith("Server", "nginx/1.25.3"))).isPresent();
    }

    @Test
    void poweredByMustBeAbsent() {
        assertThat(HeaderRule.absent("X-Powered-By").violation(responseWith("X-Powered-By", "Express")))
                .contains("X-Powered-By is 'Express', expected no such header");
    }

    private static Exchange responseWith(String name, String value) {
        HttpHeaders headers = HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
        return new Exchange("GET", "/", "smoke-1", 200, headers, "", 1);
    }
}
