package dev.carmarket.adapters.web.health;

/** Body of {@code GET /health/live}: {@code {"status":"UP","version":"<release>"}}. */
record LivenessResponse(String status, String version) {
}
