package dev.carmarket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.security.SecuritySettings;
import dev.carmarket.adapters.web.support.openapi.ApiOperation;
import dev.carmarket.adapters.web.support.openapi.ContractCoverage;
import dev.carmarket.adapters.web.support.openapi.OpenApiContract;
import dev.carmarket.adapters.web.support.openapi.RawRequest;
import dev.carmarket.adapters.web.support.openapi.RouterOperations;
import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import dev.carmarket.bootstrap.settings.EdgeSettingsReader;
import dev.carmarket.bootstrap.wiring.SettingsInitializer;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * The assembled application against contract/openapi.yaml: it serves exactly the documented operations
 * (the web adapter's routes, read from every router function, and the request mappings, where the actuator's
 * GET /metrics lives), and GET /metrics, the one operation the web adapter's tests cannot reach, answers
 * as documented. Every other operation's answers are adapters-web's OpenApiConformanceTest.
 */
@SpringBootTest(classes = {CarmarketApplication.class, OpenApiApplicationTest.TokenRequired.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OpenApiApplicationTest.DevelopmentSettings.class)
class OpenApiApplicationTest {

    private static final String TOKEN = "openapi-test-internal-token-0123456789";
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final ApiOperation METRICS = new ApiOperation(HttpMethod.GET, "/metrics");

    /**
     * The scrape answers from memory and needs nothing a request can break or slow down, so no request can
     * make it fail (500) or still be running at the shutdown deadline (503); both answers come from the
     * error handler and the deadline filter around every route, provoked in adapters-web.
     */
    private static final Set<Integer> NOT_PROVOKABLE = Set.of(500, 503);

    static class DevelopmentSettings extends SettingsInitializer {
        DevelopmentSettings() {
            super(CarmarketSettingsReader.read(Map.of(EdgeSettingsReader.INTERNAL_TOKEN, TOKEN)));
        }
    }

    /** As in production, a loopback client (this test) needs the token too, so that the 401 can be seen. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TokenRequired {
        @Bean
        @Primary
        SecuritySettings tokenRequired(@Qualifier("securitySettings") SecuritySettings configured) {
            return new SecuritySettings(configured.allowedOrigins(), configured.trustedProxies(),
                    configured.internalToken(), false);
        }
    }

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    @Test
    void theApplicationServesExactlyTheDocumentedOperations() {
        SortedSet<ApiOperation> served = new TreeSet<>(RouterOperations.of(
                context.getBeansOfType(RouterFunction.class).values().stream().<RouterFunction<?>>map(r -> r).toList()));
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> served.addAll(operations(info))));

        SortedSet<ApiOperation> undocumented = new TreeSet<>(served);
        undocumented.removeAll(CONTRACT.operations());
        SortedSet<ApiOperation> unserved = new TreeSet<>(CONTRACT.operations());
        unserved.removeAll(served);
        assertThat(undocumented).as("served but not in contract/openapi.yaml").isEmpty();
        assertThat(unserved).as("in contract/openapi.yaml but not served").isEmpty();
    }

    @Test
    void metricsAnswersAsDocumented() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        ContractCoverage coverage = new ContractCoverage(CONTRACT);
        String bearer = "Bearer " + TOKEN;

        coverage.check(client.get().uri("/metrics").header(HttpHeaders.AUTHORIZATION, bearer));
        coverage.check(client.get().uri("/metrics?includedNames=readiness_status,process_cpu_usage")
                .header(HttpHeaders.AUTHORIZATION, bearer).header(HttpHeaders.ACCEPT, "application/openmetrics-text"));
        coverage.check(client.get().uri("/metrics"));
        coverage.check(client.delete().uri("/metrics").header(HttpHeaders.AUTHORIZATION, bearer));
        coverage.check(client.get().uri("/metrics").header(HttpHeaders.AUTHORIZATION, bearer)
                .header(HttpHeaders.ACCEPT, "application/xml"));
        coverage.check(client.get().uri("/metrics?pad=" + "p".repeat(5_000)));
        coverage.check(client.get().uri("/metrics").header("X-Pad", "p".repeat(20_000)));
        coverage.check(RawRequest.send(URI.create("http://127.0.0.1:" + port), HttpMethod.GET, "/metrics",
                "Bad Header: refused by the decoder"));

        SortedSet<Integer> unanswered = coverage.unanswered(METRICS);
        unanswered.removeAll(NOT_PROVOKABLE);
        assertThat(unanswered).as("documented statuses of %s no request here provoked", METRICS).isEmpty();
        assertThat(CONTRACT.statuses(METRICS)).as("still documented").containsAll(NOT_PROVOKABLE);
    }

    /** A request mapping's operations; one that takes any method (none listed) is refused, not guessed. */
    private static Set<ApiOperation> operations(RequestMappingInfo info) {
        assertThat(info.getMethodsCondition().getMethods()).as("the methods of %s", info).isNotEmpty();
        Set<ApiOperation> operations = new TreeSet<>();
        info.getPatternsCondition().getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                .forEach(method -> operations.add(new ApiOperation(method.asHttpMethod(), pattern.getPatternString()))));
        return operations;
    }
}
