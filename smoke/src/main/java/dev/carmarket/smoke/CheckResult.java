package dev.carmarket.smoke;

/**
 * Outcome of one check. {@code requestId} is the X-Request-Id of the last request the check sent
 * (empty when it sent none), so that a failure can be found in the service's logs.
 */
record CheckResult(String name, boolean passed, String reason, String requestId, long durationMillis) {
}
