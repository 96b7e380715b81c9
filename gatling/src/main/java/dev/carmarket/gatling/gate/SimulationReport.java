package dev.carmarket.gatling.gate;

import java.util.List;

/** What the gate reads from one simulation's Gatling report: the global row first, then each request. */
public record SimulationReport(String simulation, List<RequestStats> requests, List<AssertionResult> assertions) {

    public SimulationReport {
        requests = List.copyOf(requests);
        assertions = List.copyOf(assertions);
    }

    public List<AssertionResult> failedAssertions() {
        return assertions.stream().filter(assertion -> !assertion.passed()).toList();
    }
}
