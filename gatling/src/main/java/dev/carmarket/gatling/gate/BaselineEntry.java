package dev.carmarket.gatling.gate;

/** The reference figures of one request of one simulation, as stored in baseline.json. */
public record BaselineEntry(int p95Ms, int p99Ms, double meanRps) {
}
