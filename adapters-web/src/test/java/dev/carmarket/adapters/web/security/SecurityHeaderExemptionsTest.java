package dev.carmarket.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.security.SecurityHeaderExemptions.HeaderExemption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

class SecurityHeaderExemptionsTest {

    static final HeaderExemption EMBEDDABLE_WIDGET = new HeaderExemption("embeddable-widget", "/widget",
            "X-Frame-Options", "ALLOW-FROM https://partner.example", "partners frame the widget");

    /** A handler that tries to loosen the baseline and to announce the server. */
    static final WebFilterChain LOOSENING_HANDLER = exchange -> {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Frame-Options", "ALLOWALL");
        headers.set("Content-Security-Policy", "default-src *");
        headers.set("Server", "netty/4.2");
        headers.set("X-Powered-By", "Spring");
        return exchange.getResponse().setComplete();
    };

    static HttpHeaders responseHeaders(SecurityHeaderExemptions exemptions, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        new SecurityHeadersFilter(exemptions).filter(exchange, LOOSENING_HANDLER).block();
        return exchange.getResponse().getHeaders();
    }

    @Test
    void noLooseningIsInForce() {
        assertThat(SecurityHeaderExemptions.IN_FORCE.all()).isEmpty();
    }

    @Test
    void aHandlerCannotLoosenTheBaselineNorAnnounceTheServer() {
        HttpHeaders headers = responseHeaders(SecurityHeaderExemptions.IN_FORCE, "/car-details/search");

        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("Content-Security-Policy")).startsWith("default-src 'self';");
        assertThat(headers.containsHeader("Server")).isFalse();
        assertThat(headers.containsHeader("X-Powered-By")).isFalse();
    }

    @Test
    void aNamedExemptionAppliesToItsRoutesOnly() {
        SecurityHeaderExemptions exemptions = new SecurityHeaderExemptions(List.of(EMBEDDABLE_WIDGET));

        assertThat(responseHeaders(exemptions, "/widget/cars").getFirst("X-Frame-Options"))
                .isEqualTo("ALLOW-FROM https://partner.example");
        assertThat(responseHeaders(exemptions, "/widgets").getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(responseHeaders(exemptions, "/car-details/search").getFirst("X-Frame-Options"))
                .isEqualTo("SAMEORIGIN");
    }

    @Test
    void anExemptionNeedsAReasonAndABaselineHeader() {
        assertThatThrownBy(() -> new HeaderExemption("x", "/x", "X-Frame-Options", "ALLOWALL", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderExemption("x", "/x", "Access-Control-Allow-Origin", "*", "why not"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
