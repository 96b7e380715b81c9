package dev.carmarket.adapters.web.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checks real exchanges against the contract and remembers which statuses each operation answered,
 * so that a test can ask which documented statuses no request provoked.
 */
public final class ContractCoverage {

    private final OpenApiContract contract;
    private final OpenApiConformance conformance;
    private final Map<ApiOperation, SortedSet<Integer>> answered = new TreeMap<>();

    public ContractCoverage(OpenApiContract contract) {
        this.contract = contract;
        this.conformance = new OpenApiConformance(contract);
    }

    public HttpExchange check(WebTestClient.RequestHeadersSpec<?> request) {
        return check(HttpExchange.of(request.exchange().expectBody().returnResult()));
    }

    /**
     * The answer conforms to the operation the contract documents for the request
     * ({@link OpenApiContract#operationFor}); a success's request conforms too, since the service accepted it.
     */
    public HttpExchange check(HttpExchange exchange) {
        ApiOperation operation = operationOf(exchange);
        List<String> problems = new ArrayList<>(conformance.responseProblems(operation, exchange));
        if (HttpStatus.valueOf(exchange.status()).is2xxSuccessful()) {
            problems.addAll(conformance.requestProblems(operation, exchange));
        }
        assertThat(problems).as("%s against contract/openapi.yaml", exchange).isEmpty();
        answered.computeIfAbsent(operation, key -> new TreeSet<>()).add(exchange.status());
        return exchange;
    }

    /** The statuses the contract documents for the operation that no checked exchange answered. */
    public SortedSet<Integer> unanswered(ApiOperation operation) {
        SortedSet<Integer> unanswered = new TreeSet<>(contract.statuses(operation));
        unanswered.removeAll(answered.getOrDefault(operation, new TreeSet<>()));
        return unanswered;
    }

    private ApiOperation operationOf(HttpExchange exchange) {
        return contract.operationFor(exchange.method(), exchange.path())
                .orElseThrow(() -> new AssertionError("contract/openapi.yaml has no path for " + exchange));
    }
}
