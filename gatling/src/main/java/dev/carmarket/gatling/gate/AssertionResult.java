package dev.carmarket.gatling.gate;

/** One Gatling assertion (built from thresholds.properties) as the report states it. */
public record AssertionResult(String description, boolean passed) {
}
